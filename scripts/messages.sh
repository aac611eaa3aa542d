#!/usr/bin/env bash
# (Re)extract the gettext catalogues of the KIM platform and compile them.
#
#   bash scripts/messages.sh      (or: make messages)
#
# Extracts the project's own strings into kim/locale/{de,ar}/LC_MESSAGES/django.po (and djangojs.po if
# JavaScript strings exist), the public portal's strings into the further public languages
# (tr, uk, ru, bg, ro, fa, ku), drops obsolete entries, then compiles kim/locale to .mo files.
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

# The further public languages of the portal need only what a visitor sees: the portal itself and the shared
# error pages and form templates of kim/core. Staff apps are left out, so these catalogues stay small;
# tests/core/test_i18n.py checks that every message of a public page is translated in each of them.
PUBLIC_LOCALES=(-l tr -l uk -l ru -l bg -l ro -l fa -l ku)
STAFF_ONLY=(--ignore=kim/accounts --ignore=kim/clients --ignore=kim/cases --ignore=kim/residence
            --ignore=kim/scheduling --ignore=kim/network --ignore=kim/settings.py --ignore=kim/core/*.py
            --ignore=kim/core/management --ignore=kim/core/templatetags --ignore=kim/core/templates/core
            --ignore=kim/core/templates/account --ignore=kim/core/templates/allauth --ignore=kim/core/templates/pdf
            --ignore=kim/core/templates/errors --ignore=kim/core/templates/base.html
            --ignore=kim/portal/editor_* --ignore=kim/portal/opening_hours_forms.py
            --ignore=kim/portal/opening_hours_services.py --ignore=kim/portal/opening_hours_views.py
            --ignore=kim/portal/services.py --ignore=kim/portal/models.py --ignore=kim/portal/kinds.py
            --ignore=kim/portal/languages.py --ignore=kim/portal/apps.py --ignore=kim/portal/migrations
            --ignore=kim/portal/templates/portal/editor --ignore=kim/portal/templates/portal/contact/admin_*)
"$PY" manage.py makemessages "${PUBLIC_LOCALES[@]}" "${IGNORE[@]}" "${STAFF_ONLY[@]}" --no-obsolete
"$PY" scripts/fix_po_headers.py

# Compile only the project's catalogues (not those of the packages in .venv).
for po in kim/locale/*/LC_MESSAGES/*.po; do msgfmt --check -o "${po%.po}.mo" "$po"; done  # compilemessages skips .mo files newer than their .po
