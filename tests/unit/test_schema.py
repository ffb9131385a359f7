"""The committed JSON Schemas match the models."""

from assistant.dialogue import schema
from tests.conftest import DIALOGUES


def test_committed_schema_is_fresh() -> None:
    assert schema.stale(DIALOGUES) == [], "run 'haave schema --write' and commit dialogues/*.json"
