import sys

from jargon.cli import main

sys.exit(main())
