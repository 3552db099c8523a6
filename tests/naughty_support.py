"""The Big List of Naughty Strings, vendored in tests/data (MIT; see tests/data/README.md)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

BLNS_PATH = Path(__file__).resolve().parent / "data" / "blns.json"


@functools.cache
def naughty_strings() -> tuple[str, ...]:
    """Every non-empty string of the list; a missing file fails the test, never skips it."""
    if not BLNS_PATH.is_file():
        pytest.fail(f"{BLNS_PATH} is missing: restore it from the repository", pytrace=False)
    return tuple(text for text in json.loads(BLNS_PATH.read_text(encoding="utf-8")) if text)
