"""Give the catalogues of the further public languages a proper header (language, plural forms, not fuzzy).

makemessages writes gettext's template header for languages gettext does not know (Kurmanji) and leaves the
header fuzzy; run by scripts/messages.sh after extraction. Idempotent.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLURALS = {
    "tr": "nplurals=2; plural=(n != 1);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "bg": "nplurals=2; plural=(n != 1);",
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "fa": "nplurals=2; plural=(n > 1);",
    "ku": "nplurals=2; plural=(n != 1);",
}


def fix(language: str) -> None:
    path = ROOT / "kim" / "locale" / language / "LC_MESSAGES" / "django.po"
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n\n")
    head = head.replace("#, fuzzy\n", "")
    head = re.sub(r'"Language: [^"]*\\n"', f'"Language: {language}\\\\n"', head)
    head = re.sub(r'"Plural-Forms: [^"]*\\n"\n?', "", head)
    head = head.rstrip("\n") + f'\n"Plural-Forms: {PLURALS[language]}\\n"'
    head = head.replace("SOME DESCRIPTIVE TITLE.", "KIM platform – public portal messages")
    path.write_text(head + sep + rest, encoding="utf-8")


if __name__ == "__main__":
    for lang in sys.argv[1:] or PLURALS:
        fix(lang)
