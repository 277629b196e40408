"""Settings for the whole suite.

Property tests (hypothesis) draw the same examples on every CI run (derandomized): a CI result
then says something about the change, not about the day's random draw. Local runs stay random so
that new counter-examples are still found (and a found one is replayed from .hypothesis/).
"""
from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
