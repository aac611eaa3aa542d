"""Translations: the German and Arabic catalogues are complete and compiled, and the UI switches language.

The German test re-extracts the messages from a copy of the code, so a string added to Python code or a
template without a German translation makes it fail. To fix such a failure run ``make messages`` (or
``bash scripts/messages.sh``), translate the new entries in ``kim/locale/*/LC_MESSAGES/django.po`` and run
it again so that the ``.mo`` files are compiled.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
LOCALE_DIR = REPO / "kim" / "locale"
LANGUAGES = ["de", "ar"]
# The further public languages of the portal: their catalogues hold only what a visitor sees (scripts/messages.sh).
PUBLIC_LANGUAGES = ["tr", "uk", "ru", "bg", "ro", "fa", "ku"]
LOGIN = "/accounts/login/"

needs_gettext = pytest.mark.skipif(
    not (shutil.which("msgfmt") and shutil.which("xgettext")),
    reason="GNU gettext (msgfmt, xgettext) is not installed, so the messages cannot be extracted",
)


def _po_path(lang, root=REPO, domain="django"):
    return root / "kim" / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def _read_po(path):
    with open(path, "rb") as f:
        return read_po(f)


def _label(message):
    return repr(message.id if isinstance(message.id, str) else message.id[0])


def _problems(catalog):
    """Untranslated (including single missing plural forms) and fuzzy entries of a babel catalog."""
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:  # the header
            continue
        if message.fuzzy:
            fuzzy.append(_label(message))
        if message.pluralizable:
            forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
            if len(forms) < catalog.num_plurals or not all(forms):
                untranslated.append(_label(message))
        elif not message.string:
            untranslated.append(_label(message))
    return untranslated, fuzzy


def _assert_complete(catalog, lang):
    untranslated, fuzzy = _problems(catalog)
    report = []
    if untranslated:
        report.append(f"{len(untranslated)} untranslated {lang} message(s):\n  " + "\n  ".join(untranslated))
    if fuzzy:
        report.append(f"{len(fuzzy)} fuzzy {lang} message(s):\n  " + "\n  ".join(fuzzy))
    if catalog.fuzzy:
        report.append(f"the {lang} header is marked fuzzy")
    assert not report, "\n".join(report) + "\nRun scripts/messages.sh, translate, and run it again."


@needs_gettext
def test_german_catalogue_covers_every_message_in_the_code(tmp_path):
    """Re-extract from a copy of the code: every message, new ones included, has a German translation."""
    shutil.copytree(REPO / "kim", tmp_path / "kim", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy2(REPO / "manage.py", tmp_path / "manage.py")
    env = {**os.environ, "KIM_TESTING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    po = _po_path("de", root=tmp_path)
    assert po.is_file(), f"makemessages wrote no catalogue at {po}:\n{result.stdout}\n{result.stderr}"
    catalog = _read_po(po)
    assert len(catalog) > 100, "suspiciously few messages extracted"
    _assert_complete(catalog, "de")


def test_arabic_catalogue_is_complete():
    catalog = _read_po(_po_path("ar"))
    assert catalog.num_plurals == 6
    _assert_complete(catalog, "ar")


@needs_gettext
def test_public_catalogues_cover_every_message_a_visitor_sees(tmp_path):
    """Re-extract the portal's messages for a public language: every one has a translation in each of them."""
    shutil.copytree(REPO / "kim", tmp_path / "kim", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copytree(REPO / "scripts", tmp_path / "scripts")
    shutil.copy2(REPO / "manage.py", tmp_path / "manage.py")
    script = (REPO / "scripts" / "messages.sh").read_text()
    ignores = " ".join(
        line.strip().rstrip(")")
        for line in script.split("STAFF_ONLY=(", 1)[1].split("\n")[:40]
        if line.strip().startswith("--ignore") or line.strip().startswith("(")
    )
    args = [a for a in ignores.replace("(", " ").split() if a.startswith("--ignore")]
    env = {**os.environ, "KIM_TESTING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    base_ignores = [
        "--ignore=.venv",
        "--ignore=node_modules",
        "--ignore=var",
        "--ignore=tests",
        "--ignore=scripts",
        "--ignore=bench",
    ]
    for lang in PUBLIC_LANGUAGES:
        result = subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", lang, "--no-obsolete", *base_ignores, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
        subprocess.run([sys.executable, "scripts/fix_po_headers.py", lang], cwd=tmp_path, check=True)
        catalog = _read_po(_po_path(lang, root=tmp_path))
        assert len(catalog) > 50, "suspiciously few messages extracted"
        _assert_complete(catalog, lang)


@pytest.mark.parametrize("lang", PUBLIC_LANGUAGES)
def test_public_catalogue_is_complete_and_compiles(lang):
    _assert_complete(_read_po(_po_path(lang)), lang)
    if shutil.which("msgfmt"):
        result = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(_po_path(lang))], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr


def test_committed_german_catalogue_is_complete():
    _assert_complete(_read_po(_po_path("de")), "de")


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="msgfmt (GNU gettext) is not installed")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_passes_msgfmt_check(lang):
    """Placeholders (%(name)s), plural forms and the header are consistent."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(_po_path(lang))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def _strings(catalog):
    out = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string if isinstance(message.string, str) else tuple(message.string)
        if string and (isinstance(string, str) or all(string)):
            context = message.context.decode() if isinstance(message.context, bytes) else message.context
            out[(context, key)] = string
    return out


@pytest.mark.parametrize("lang", LANGUAGES + PUBLIC_LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogue_is_up_to_date(lang, domain):
    po = _po_path(lang, domain=domain)
    mo = po.with_suffix(".mo")
    if not po.exists():
        if domain == "djangojs":
            pytest.skip("no JavaScript messages")
        pytest.fail(f"{po} is missing")
    assert mo.is_file(), f"{mo} is missing: run scripts/messages.sh"
    with open(mo, "rb") as f:
        compiled = _strings(read_mo(f))
    source = _strings(_read_po(po))
    stale = sorted(
        repr(key[1]) for key in source.keys() | compiled.keys() if source.get(key) != compiled.get(key)
    )
    assert not stale, (
        f"{mo.name} ({lang}) differs from the .po for:\n  "
        + "\n  ".join(stale)
        + ("\nRun scripts/messages.sh to compile the catalogues.")
    )


@pytest.mark.django_db
def test_login_page_in_german(client):
    client.cookies["kim_language"] = "de"
    html = client.get(LOGIN).content.decode()
    assert 'lang="de"' in html
    assert 'dir="ltr"' in html
    assert "Anmelden" in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_login_page_in_english(client):
    client.cookies["kim_language"] = "en"
    html = client.get(LOGIN).content.decode()
    assert 'lang="en"' in html
    assert "Log in" in html
    assert "Anmelden" not in html


@pytest.mark.django_db
def test_login_page_in_arabic_is_right_to_left(client):
    client.cookies["kim_language"] = "ar"
    html = client.get(LOGIN).content.decode()
    assert 'lang="ar"' in html
    assert 'dir="rtl"' in html
    assert "تسجيل الدخول" in html
    assert "Log in" not in html
