#!/usr/bin/env python
"""Django's command-line utility; the same as the ``kim`` console command."""

from kim.__main__ import main

if __name__ == "__main__":
    main()
