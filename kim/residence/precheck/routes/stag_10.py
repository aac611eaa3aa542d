"""§ 10 StAG – Anspruchseinbürgerung (RULES.md 7.1–7.4).

V0 (until 26.6.2024, U-14): 8/7/6 years, renunciation of the previous nationality (always open here).
V1 (27.6.2024 – 29.10.2025): 5 years, or 3 years under Abs. 3 (variant ABS_3, "kann": C1, sustainable
livelihood, special integration achievements). V2 (from 30.10.2025): 5 years, Abs. 3 struck.
The decision date decides (VG Trier 3.12.2025); § 40a StAG applies the old livelihood rule to applications
filed on or before 23.8.2023.
"""

from __future__ import annotations

from ..context import Ctx
from ..facts import C1
from ..outcome import ELIGIBLE, OUTCOME_RANK, RouteResult
from ..versions import version_for
from ._stag import residence, special_track_v1, stag_common, stag_language, v0_reduction, years_label

ROUTE = "STAG_10"
CIT = "§ 10 Abs. 1 S. 1 StAG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    vid = v.id
    if vid == "STAG_10_V0":
        months, discretion = v0_reduction(ctx)
        criteria = [residence(ctx, months, f"RESIDENCE_{years_label(months)}", CIT + " a. F., § 10 Abs. 3 StAG a. F.",
                              discretion=discretion), *stag_common(ctx, ROUTE, vid)]
        return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
    common = stag_common(ctx, ROUTE, vid)
    standard = ctx.result(ROUTE, v, None, [residence(ctx, 60, "RESIDENCE_5Y", CIT), *common], ELIGIBLE)
    if vid != "STAG_10_V1" or standard.outcome == ELIGIBLE:
        return standard
    lang = ctx.f.language
    if lang is not None and ((lang.oral is not None and lang.oral < C1) or
                             (lang.written is not None and lang.written < C1)):
        return standard  # the three-year track requires C1 (§ 10 Abs. 3 StAG a. F.)
    c1 = stag_language(ctx, C1)
    fast = ctx.result(ROUTE, v, "ABS_3", [
        residence(ctx, 36, "RESIDENCE_3Y", "§ 10 Abs. 3 StAG a. F.", discretion=True),
        *special_track_v1(ctx),
        *(c1 if c.code == "LANGUAGE_B1" else c for c in common),
    ], ELIGIBLE)
    return fast if OUTCOME_RANK[fast.outcome] > OUTCOME_RANK[standard.outcome] else standard
