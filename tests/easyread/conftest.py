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


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Voikko is only used for Finnish: drop the Voikko variant of sv/en cases."""
    keep, drop = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("use_voikko") == "voikko" and params.get("lang", "fi") != "fi":
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
