"""``python -m kim.residence.precheck`` – same as the ``kim-precheck`` console command."""

import sys

from .cli import main

sys.exit(main())
