"""``python -m svduty``: the same as the ``svduty`` command."""

import sys

from svduty.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
