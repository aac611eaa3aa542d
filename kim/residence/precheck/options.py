"""Switches for the uncertain points of RULES.md section 10, with their documented defaults.

| option                       | U-nn | default      | effect |
|------------------------------|------|--------------|--------|
| count_start_day              | U-04 | false        | count the day of the event (§ 187 Abs. 2 BGB) |
| gap_tolerance_months         | U-05 | 3            | gaps up to this length give "manual check" instead of a break |
| youth_min_age                | U-06 | 14           | lower age bound of "Jugendlicher" in § 25a |
| livelihood_mainly_pct        | U-07 | 50           | "überwiegend" requires strictly more than this share |
| livelihood_largely_pct       | U-08 | 75           | placeholder for "weit überwiegend" (§ 26 Abs. 3 S. 3) |
| stag_minor_excess_max        | U-11 | 100          | § 12a sums 91..this value are "geringfügig" → open |
| stag_days_per_month          | U-12 | 30           | conversion of Freiheitsstrafe months into days |
| chancen_transition_end       | U-13 | 2027-06-30   | last day of the § 104c privileges in §§ 25a/25b (V2) |
| stag_35a_from                | U-15 | 2026-02-01   | first day the § 35a StAG Sperrfrist is applied |
| pending_104c_applications    | U-03 | "open"       | "open" or "not_applicable" for § 104c applications filed before repeal |
| p60b_periods                 | U-24 | "break"      | "break" or "manual_check" for § 60b periods of ordinary Geduldete |
| geas_unverified_open         | U-02 | true         | § 26 results from 2026-06-12 carry an open "text not verified" criterion |
| unverified_versions_open     | U-14, U-16 | true   | historical versions known only from memory give at most "open" |
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from .dates import parse_iso_date
from .facts import FactError


@dataclass(frozen=True, slots=True)
class Options:
    count_start_day: bool = False
    gap_tolerance_months: int = 3
    youth_min_age: int = 14
    livelihood_mainly_pct: float = 50.0
    livelihood_largely_pct: float = 75.0
    stag_minor_excess_max: int = 100
    stag_days_per_month: int = 30
    chancen_transition_end: date = date(2027, 6, 30)
    stag_35a_from: date = date(2026, 2, 1)
    pending_104c_applications: str = "open"
    p60b_periods: str = "break"
    geas_unverified_open: bool = True
    unverified_versions_open: bool = True


DEFAULT_OPTIONS = Options()
_FIELDS = {f.name: f for f in fields(Options)}
_CHOICES = {"pending_104c_applications": ("open", "not_applicable"), "p60b_periods": ("break", "manual_check")}
_RANGES = {"gap_tolerance_months": (0, 24), "youth_min_age": (0, 18), "livelihood_mainly_pct": (0, 100),
           "livelihood_largely_pct": (0, 100), "stag_minor_excess_max": (90, 1000), "stag_days_per_month": (28, 31)}
_cache: dict[tuple, Options] = {}


def parse_options(raw: dict | None, base: Options = DEFAULT_OPTIONS) -> Options:
    """Options from a JSON object (keys as in the table above); raises FactError on bad keys/values."""
    if not raw:
        return base
    if type(raw) is not dict:
        raise FactError("options", "muss ein Objekt sein", "must be an object")
    try:
        key = (base, tuple(sorted(raw.items())))
        hit = _cache.get(key)
    except TypeError:  # unhashable values: validated (and rejected) below
        key, hit = None, None
    if hit is not None:
        return hit
    values = {}
    for name, value in raw.items():
        path = f"options.{name}"
        if name not in _FIELDS:
            raise FactError(path, "unbekannte Option", "unknown option")
        default = getattr(DEFAULT_OPTIONS, name)
        if isinstance(default, bool):
            if value is not True and value is not False:
                raise FactError(path, "muss true oder false sein", "must be true or false")
        elif isinstance(default, date):
            parsed = parse_iso_date(value)
            if parsed is None:
                raise FactError(path, "kein gültiges Datum (erwartet JJJJ-MM-TT)",
                                 "not a valid date (expected YYYY-MM-DD)")
            value = parsed
        elif isinstance(default, str):
            if value not in _CHOICES[name]:
                raise FactError(path, f"unbekannter Wert (zulässig: {', '.join(_CHOICES[name])})",
                                 f"unknown value (allowed: {', '.join(_CHOICES[name])})")
        else:
            if type(value) not in (int, float) or value != value:
                raise FactError(path, "muss eine Zahl sein", "must be a number")
            lo, hi = _RANGES[name]
            if not lo <= value <= hi:
                raise FactError(path, f"muss zwischen {lo} und {hi} liegen", f"must be between {lo} and {hi}")
            if isinstance(default, int) and value != int(value):
                raise FactError(path, "muss eine ganze Zahl sein", "must be an integer")
            value = type(default)(value)
        values[name] = value
    merged = Options(**{**{n: getattr(base, n) for n in _FIELDS}, **values})
    if key is not None and len(_cache) < 256:
        _cache[key] = merged
    return merged
