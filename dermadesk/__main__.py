"""`python -m dermadesk` is `dermadesk`."""

import sys

from dermadesk.bootstrap import main

sys.exit(main())
