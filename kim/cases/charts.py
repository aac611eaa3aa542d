"""Server-side SVG chart of the need levels per life domain over the assessments.

Plain SVG (no JavaScript), always drawn left to right (time runs left to right in Arabic pages too): readable in the browser, printable, embeddable in PDFs. Every line has its own
colour, dash pattern and marker shape, so it does not depend on colour alone; the chart carries a title and a
description, and the page shows the same numbers as a table.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

PALETTE = ["#0b5f7a", "#b3261e", "#1e6b34", "#6a3d9a", "#b15900", "#00658f", "#7a4a00", "#5b5b5b", "#a1004e", "#3a5a00", "#004d61"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 6", "6 2 2 2", "12 3", "2 2"]
MARKERS = ["circle", "square", "triangle", "diamond"]


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}" fill="{colour}"/>'
    if kind == "diamond":
        return f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def need_chart_svg(series: list[dict], dates: list, *, chart_id: str = "need-chart") -> SafeString:
    """``series``: [{"label", "points": [(date, level)]}], ``dates``: the assessment dates in order."""
    if not series or not dates:
        return mark_safe("")
    width, height = 760, 300
    left, right, top, bottom = 48, 250, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(dates)

    def x_of(date) -> float:
        i = dates.index(date)
        return left + (plot_w * (i / (n - 1)) if n > 1 else plot_w / 2)

    def y_of(level: int) -> float:
        return top + plot_h - plot_h * level / 4

    title = _("Need per life domain over time")
    summary = "; ".join(
        f"{s['label']}: " + ", ".join(f"{d:%d.%m.%Y} {lv}" for d, lv in s["points"]) for s in series
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" direction="ltr" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_("Need levels from 0 (none) to 4 (acute):"))} {escape(summary)}</desc>',
    ]
    for level in range(5):
        y = y_of(level)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#c4ccd4" stroke-width="1"/>')
        parts.append(f'<text x="{left - 10}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="#1b1f23">{level}</text>')
    for date in dates:
        parts.append(
            f'<text x="{x_of(date):.1f}" y="{height - 14}" text-anchor="middle" font-size="12" fill="#1b1f23">{date:%d.%m.%y}</text>'
        )
    for i, s in enumerate(series):
        colour, dash, marker = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]
        points = " ".join(f"{x_of(d):.1f},{y_of(lv):.1f}" for d, lv in s["points"])
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        parts.extend(_marker(marker, x_of(d), y_of(lv), colour) for d, lv in s["points"])
        ly = top + 14 + i * 22
        lx = width - right + 16
        parts.append(f'<line x1="{lx}" x2="{lx + 26}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        parts.append(_marker(marker, lx + 13, ly - 4, colour))
        parts.append(f'<text x="{lx + 34}" y="{ly}" font-size="12" fill="#1b1f23">{escape(s["label"])}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text inserted above is escaped
