"""``python -m wirediff``: the same as the ``wirediff`` command."""

import sys

from wirediff.cli.main import main

sys.exit(main())
