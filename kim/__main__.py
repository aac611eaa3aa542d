"""The ``kim`` console command: Django's manage.py with the project's settings.

Sub-commands may be written with hyphens (``kim seed-demo``); they map to the management command with
underscores (``seed_demo``), so the names in the README read naturally.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kim.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
