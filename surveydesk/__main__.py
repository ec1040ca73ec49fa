"""Lets `python -m surveydesk` start the app like the `surveydesk` command."""

import sys

from surveydesk.app import main

sys.exit(main())
