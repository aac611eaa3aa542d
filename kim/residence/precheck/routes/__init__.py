"""One module per route; ``ROUTE_MODULES`` lists them in the order of the command-line contract."""

from __future__ import annotations

from . import (
    aufenthg_9,
    aufenthg_9a,
    aufenthg_16g,
    aufenthg_19d,
    aufenthg_25a,
    aufenthg_25b,
    aufenthg_26_3,
    aufenthg_26_4,
    aufenthg_60c,
    aufenthg_60d,
    aufenthg_104c,
    stag_9,
    stag_10,
)

ROUTE_MODULES = (
    aufenthg_104c, aufenthg_25a, aufenthg_25b, aufenthg_60c, aufenthg_60d, aufenthg_16g, aufenthg_19d,
    aufenthg_9, aufenthg_9a, aufenthg_26_3, aufenthg_26_4, stag_10, stag_9,
)
