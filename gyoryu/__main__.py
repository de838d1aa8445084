"""``python -m gyoryu`` runs the command line."""

from gyoryu.cli import main

raise SystemExit(main())
