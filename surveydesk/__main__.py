"""Starts SurveyDesk: `python -m surveydesk`, the `surveydesk` command (whose entry point is `start`) and the
bundle.

Python's own collection of reference cycles is turned off before SurveyDesk is imported: importing its 500-odd
modules set it off about a hundred times, when none of what they make is garbage (15–45 ms before the first
frame, bench/startup.py). `app.main` keeps it off for the run; the GUI thread's collector collects
(services/gui_thread_gc.py).
"""

import gc
import sys


def start() -> int:
    gc.disable()
    from surveydesk.app import main  # after: the start imports most of SurveyDesk

    return main()


if __name__ == "__main__":
    sys.exit(start())
