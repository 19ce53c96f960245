"""Story links kept right in the store: an old link state is rebuilt, a merged story is renamed."""

from __future__ import annotations

from pathlib import Path

from newsdesk.pipeline import LINK_STATE, ingest_files, load_registry
from newsdesk.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def story_map(store: Store) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    return {a.id: (a.story, a.duplicate_of, a.derived_from) for a in store.articles()}


def test_link_state_of_an_older_version_is_rebuilt(tmp_path: Path) -> None:
    registry = load_registry([SAMPLES / "outlets.json"])
    files = sorted((SAMPLES / "corpus").iterdir())
    with Store(tmp_path / "fresh.db") as fresh:
        ingest_files(fresh, files, registry=registry)
        expected = story_map(fresh)
    with Store(tmp_path / "old.db") as store:
        ingest_files(store, files[:-1], registry=registry)
        state = store.get_state(LINK_STATE)
        store.put_state(LINK_STATE, {**state, "version": 0})  # as an older release wrote it
        report = ingest_files(store, files[-1:], registry=registry)
        assert not report.errors
        assert story_map(store) == expected
        assert {s.id for s in store.stories()} == {s for s, _, _ in expected.values()}


def test_a_merged_story_is_renamed_to_the_survivor(tmp_path: Path) -> None:
    registry = load_registry([SAMPLES / "outlets.json"])
    with Store(tmp_path / "n.db") as store:
        ingest_files(store, [SAMPLES / "corpus"], registry=registry)
        stories = sorted({a.story for a in store.articles() if a.story})
        keep, gone = stories[0], stories[1]
        moved = {a.id for a in store.articles(story=gone)}
        with store.atomic():
            store.rename_story(gone, keep)
        assert store.get_story(gone) is None
        assert moved <= {a.id for a in store.articles(story=keep)}
