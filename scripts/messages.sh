#!/usr/bin/env bash
# (Re)extract the gettext catalogues of the KIM platform and compile them.
#
#   bash scripts/messages.sh      (or: make messages)
#
# Extracts the project's own strings into kim/locale/{de,ar}/LC_MESSAGES/django.po (and djangojs.po if
# JavaScript strings exist), drops obsolete entries, then compiles kim/locale to .mo files.
# Translate new entries in the .po files (no msgstr may stay empty, no "#, fuzzy" may stay), then run the
# script again so the .mo files are up to date; tests/core/test_i18n.py checks both.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY="${PY:-.venv/bin/python}"
if [[ ! -x "$PY" ]]; then
    PY="$(command -v python3)"
fi
PY="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")"

export KIM_TESTING="${KIM_TESTING:-1}"

IGNORE=(--ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=scripts --ignore=bench)
LOCALES=(-l de -l ar)

"$PY" manage.py makemessages "${LOCALES[@]}" "${IGNORE[@]}" --no-obsolete
"$PY" manage.py makemessages -d djangojs "${LOCALES[@]}" "${IGNORE[@]}" --no-obsolete

# Compile only the project's catalogues (not those of the packages in .venv).
for po in kim/locale/*/LC_MESSAGES/*.po; do msgfmt --check -o "${po%.po}.mo" "$po"; done  # compilemessages skips .mo files newer than their .po
