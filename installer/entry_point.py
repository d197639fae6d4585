"""What the bundled executable runs: the same entry point as `dermadesk` from the source tree."""

import sys

from dermadesk.bootstrap import main

if __name__ == "__main__":
    sys.exit(main())
