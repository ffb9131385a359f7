import assistant


def test_version() -> None:
    assert assistant.__version__
