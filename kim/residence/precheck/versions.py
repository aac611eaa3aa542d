"""Which version of each route applies on which decision date (RULES.md section 2).

The decision date principle (RULES.md 1.1) selects the version; the application-date exceptions (§ 25a age
limit, § 40a StAG, pending § 104c applications) are handled inside the routes. Tables are precomputed per
value of the ``chancen_transition_end`` switch (U-13) so that a lookup is a few date comparisons.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from .options import Options

MIN = date.min
MAX = date.max


class Version(NamedTuple):
    id: str
    valid_from: date
    valid_to: date  # inclusive; date.max = open-ended


def _table(chancen_end: date) -> dict[str, tuple[Version, ...]]:
    v3_from = chancen_end + timedelta(days=1)
    return {
        "AUFENTHG_104C": (
            Version("AUFENTHG_104C_V1", date(2022, 12, 31), date(2025, 12, 30)),
            Version("AUFENTHG_104C_V2", date(2025, 12, 31), MAX),
        ),
        "AUFENTHG_25A": (
            Version("AUFENTHG_25A_V1", date(2015, 8, 1), date(2022, 12, 30)),
            Version("AUFENTHG_25A_V2", date(2022, 12, 31), chancen_end),
            Version("AUFENTHG_25A_V3", v3_from, MAX),
        ),
        "AUFENTHG_25B": (
            Version("AUFENTHG_25B_V1", date(2015, 8, 1), date(2022, 12, 30)),
            Version("AUFENTHG_25B_V2", date(2022, 12, 31), chancen_end),
            Version("AUFENTHG_25B_V3", v3_from, MAX),
        ),
        "AUFENTHG_60C": (Version("AUFENTHG_60C", date(2020, 1, 1), MAX),),
        "AUFENTHG_60D": (
            Version("AUFENTHG_60D_V1", date(2020, 1, 1), date(2024, 2, 29)),
            Version("AUFENTHG_60D_V2", date(2024, 3, 1), MAX),
        ),
        "AUFENTHG_16G": (Version("AUFENTHG_16G", date(2024, 3, 1), MAX),),
        "AUFENTHG_19D": (Version("AUFENTHG_19D", date(2020, 3, 1), MAX),),
        "AUFENTHG_9": (Version("AUFENTHG_9", MIN, MAX),),
        "AUFENTHG_9A": (Version("AUFENTHG_9A", MIN, MAX),),
        "AUFENTHG_26_3": (Version("AUFENTHG_26_3", date(2016, 8, 6), MAX),),
        "AUFENTHG_26_4": (Version("AUFENTHG_26_4", date(2016, 8, 6), MAX),),
        "STAG_10": (
            Version("STAG_10_V0", MIN, date(2024, 6, 26)),
            Version("STAG_10_V1", date(2024, 6, 27), date(2025, 10, 29)),
            Version("STAG_10_V2", date(2025, 10, 30), MAX),
        ),
        "STAG_9": (
            Version("STAG_9_V0", MIN, date(2024, 6, 26)),
            Version("STAG_9_V1", date(2024, 6, 27), MAX),
        ),
    }


DEFAULT_CHANCEN_END = date(2027, 6, 30)
_TABLES: dict[date, dict[str, tuple[Version, ...]]] = {DEFAULT_CHANCEN_END: _table(DEFAULT_CHANCEN_END)}
VERSIONS = _TABLES[DEFAULT_CHANCEN_END]

# Fixed dates used by several routes.
CHANCEN_STICHTAG = date(2022, 10, 31)  # § 104c Abs. 1 S. 1: "am 31. Oktober 2022 seit fünf Jahren"
REPEAL_104C = date(2025, 12, 31)  # Art. 5 ChancenG in force
GEAS_DATE = date(2026, 6, 12)  # GEAS-Anpassungsgesetz in force (U-02)
STAG_REFORM = date(2024, 6, 27)  # StARModG in force
STAG_40A_CUTOFF = date(2023, 8, 23)  # § 40a StAG: applications filed on or before this day
STAG_35A_ENACTED = date(2025, 12, 23)  # earliest reported in-force date of § 35a StAG (U-15)


def tables(opts: Options) -> dict[str, tuple[Version, ...]]:
    end = opts.chancen_transition_end
    t = _TABLES.get(end)
    if t is None:
        t = _TABLES[end] = _table(end)
    return t


def version_for(route: str, on: date, opts: Options) -> Version | None:
    """The version of ``route`` in force on ``on``, or None if no version is in force."""
    for v in tables(opts)[route]:
        if v.valid_from <= on <= v.valid_to:
            return v
    return None
