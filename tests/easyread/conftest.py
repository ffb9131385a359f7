"""Fixtures for the easy-read tests: run Finnish checks with and without Voikko."""

from __future__ import annotations

import pytest

from easyread.analysis.voikko import voikko_available

VOIKKO_SKIP = "Voikko not installed: apt-get install libvoikko1 voikko-fi"


@pytest.fixture(params=["voikko", "heuristic"])
def use_voikko(request: pytest.FixtureRequest) -> bool:
    """Both analysers; the heuristic one is forced even where Voikko exists."""
    if request.param == "voikko":
        if not voikko_available():
            pytest.skip(VOIKKO_SKIP)
        return True
    return False
