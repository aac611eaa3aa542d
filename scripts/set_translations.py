"""Set translations in a catalogue and clear their fuzzy flags (used when fixing a few entries by hand).

    .venv/bin/python scripts/set_translations.py de translations.json

translations.json: [{"id": "...", "context": null, "plural": false, "str": "..." or ["...", ...]}, ...]
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    language, table_file = sys.argv[1], sys.argv[2]
    entries = json.loads(Path(table_file).read_text(encoding="utf-8"))
    path = ROOT / "kim" / "locale" / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as f:
        catalogue = read_po(f)
    wanted = {(e.get("context"), e["id"]): e["str"] for e in entries}
    done = 0
    for message in catalogue:
        key_id = message.id[0] if isinstance(message.id, tuple) else message.id
        key = (message.context, key_id)
        if key in wanted:
            value = wanted[key]
            message.string = tuple(value) if isinstance(message.id, tuple) else value
            message.flags.discard("fuzzy")
            message.previous_id = []
            done += 1
    with path.open("wb") as f:
        write_po(f, catalogue, width=79, include_previous=False)
    print(f"{language}: {done} of {len(wanted)} entries set")


if __name__ == "__main__":
    main()
