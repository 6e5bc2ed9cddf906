"""Named moments of a run at which a test can stop it, to prove that a crash there loses
nothing: with ``MICROSITE_PAUSE_AT=<name>`` in the environment, the process says
``paused at <name>`` on standard error when it reaches that moment and waits there to
be killed. Without the variable a checkpoint costs one dictionary lookup."""
from __future__ import annotations

import os
import sys
import time


def checkpoint(name: str) -> None:
    if os.environ.get("MICROSITE_PAUSE_AT") != name:
        return
    sys.__stderr__.write(f"paused at {name}\n")
    sys.__stderr__.flush()
    while True:
        time.sleep(3600)
