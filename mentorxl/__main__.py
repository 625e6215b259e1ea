"""`python -m mentorxl …` (on Windows `py -m mentorxl …`): the `mentorxl` command, for a PATH without the folder
of Python's scripts."""

from mentorxl.cli import main

raise SystemExit(main())
