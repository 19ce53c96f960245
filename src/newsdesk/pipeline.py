"""The stages in order: ingest → clean → (store) → link → extract → compare → brief → (store).

Two entry points: :func:`read_articles` runs ingest and clean on files with no database
(tests, Spark, quick looks); :func:`ingest_files` runs everything into a store. Each input
file is written in one transaction; the story stages then pick up every article that has
no story yet, so a run that crashed between the two finishes on the next run.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.clean.articles import clean_page
from newsdesk.clean.outlets import Registry, build_registry, default_registry, parse_outlets
from newsdesk.errors import InputError
from newsdesk.ingest import RawInput, read_input, read_pages, walk_inputs
from newsdesk.model import Article, Story
from newsdesk.settings import DEFAULT, Settings
from newsdesk.store import Store

FileCallback = Callable[[str, int, str | None], None]  # (path, new articles, error or None)
LINK_STATE = "link"


@dataclass
class IngestReport:
    """What one ingest run did."""

    files: int = 0
    articles: int = 0
    skipped: int = 0  # files or pages already in the store
    errors: list[str] = field(default_factory=list)  # "PATH: problem"
    warnings: list[str] = field(default_factory=list)
    stories: int = 0  # stories created or updated


def load_registry(extra: Sequence[str | Path] = ()) -> Registry:
    """Return the shipped outlet registry extended with outlets from ``extra`` JSON files."""
    if not extra:
        return default_registry()
    outlets = list(default_registry().outlets)
    for path in extra:
        try:
            outlets.extend(parse_outlets(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"not an outlet registry: {exc}") from exc
    return build_registry(outlets)


def clean_file(
    path: str, registry: Registry | None = None, settings: Settings = DEFAULT
) -> list[Article]:
    """Return the clean articles of one input file; raise InputError if it has none."""
    raw = read_input(path, settings)
    articles: list[Article] = []
    for page in read_pages(raw, settings):
        articles.extend(clean_page(page, registry, settings))
    return articles


def read_articles(
    paths: Sequence[str | Path], registry: Registry | None = None, settings: Settings = DEFAULT
) -> list[Article]:
    """Return the clean articles of files and folders (no store; errors raise).

    >>> read_articles([])
    []
    """
    files, errors = walk_inputs([str(p) for p in paths])
    if errors:
        raise errors[0]
    out: list[Article] = []
    for f in files:
        out.extend(clean_file(f, registry, settings))
    return out


def ingest_files(
    store: Store,
    paths: Sequence[str | Path],
    settings: Settings = DEFAULT,
    on_file: FileCallback | None = None,
    registry: Registry | None = None,
    analyze: bool = True,
) -> IngestReport:
    """Ingest files and folders into ``store``, then update the stories they touch.

    A bad file is reported as "PATH: problem" and skipped; nothing of it is stored.
    """
    report = IngestReport()
    files, walk_errors = walk_inputs([str(p) for p in paths])
    for err in walk_errors:
        report.errors.append(str(err))
        if on_file:
            on_file(err.path, 0, err.problem)
    # Files are committed in batches (a commit per file was a tenth of a text page's cost);
    # each file is a savepoint, so a bad one is undone alone. A crash loses the open batch,
    # which the next run ingests again (its inputs are not in the store).
    with store.atomic():
        batch, since = 0, time.monotonic()
        for path in files:
            report.files += 1
            try:
                added = ingest_file(store, path, settings, registry, report)
            except InputError as err:
                report.errors.append(str(err))
                if on_file:
                    on_file(path, 0, err.problem)
                continue
            report.articles += added
            if on_file:
                on_file(path, added, None)
            batch += 1
            if batch >= settings.commit_files or time.monotonic() - since > settings.commit_seconds:
                store.commit_now()
                batch, since = 0, time.monotonic()
    if analyze:
        report.stories = update_stories(store, settings)
    return report


def ingest_file(
    store: Store, path: str, settings: Settings, registry: Registry | None, report: IngestReport
) -> int:
    """Store one input's pages and articles in one transaction; return new articles."""
    return ingest_raw(store, read_input(path, settings), settings, registry, report)


def ingest_raw(
    store: Store,
    raw: RawInput,
    settings: Settings = DEFAULT,
    registry: Registry | None = None,
    report: IngestReport | None = None,
) -> int:
    """Store one input already read (see :func:`decode_input`) in one transaction; return new articles."""
    report = report if report is not None else IngestReport()
    report.warnings.extend(raw.warnings)
    if store.has_input(raw.sha256):
        report.skipped += 1
        return 0
    pages = list(read_pages(raw, settings))
    ids = [p.id for p in pages]  # a hash of the page text, computed on each access
    fresh = [(p, pid) for p, pid in zip(pages, ids, strict=True) if not store.has_page(pid)]
    report.skipped += len(pages) - len(fresh)
    articles: list[Article] = []
    for page, pid in fresh:
        articles.extend(clean_page(page, registry, settings, page_id=pid))
    with store.atomic():
        store.add_input(raw.sha256, raw.path, raw.kind, len(raw.data), len(articles))
        for page, pid in fresh:
            store.add_page(page, raw.sha256, pid)
        return store.put_articles(articles)


def update_stories(store: Store, settings: Settings = DEFAULT) -> int:
    """Link every article without a story, then rebuild the stories that changed.

    A link state written by an older version is not migrated piecemeal: every stored
    article is linked again in arrival order, which gives the same story ids (a story is
    named after its first article). Stories the clusterer merges are relabelled to the
    surviving (older) id.
    """
    from newsdesk.link.linker import STATE_VERSION, LinkState, link_articles

    data = store.get_state(LINK_STATE)
    if data and data.get("version") != STATE_VERSION:
        store.clear_links()
        data = None
    pending = store.pending_articles()
    if not pending:
        return 0
    state = LinkState.from_dict(data) if data else None
    merged_before = dict(state.stories.merged) if state else {}
    linked, state = link_articles(pending, state, settings)
    merged = state.stories.merged
    renamed = {old: new for old, new in merged.items() if merged_before.get(old) != new}
    linked = [
        dataclasses.replace(a, story=merged[a.story]) if a.story in merged else a for a in linked
    ]
    touched = {a.story for a in linked if a.story}
    with store.atomic():
        store.put_articles(linked)
        for old, new in renamed.items():
            store.rename_story(old, new)
            touched.add(new)
        relinked = state.relinked
        if relinked:
            old_rows = store.articles(ids=list(relinked))
            updated = [
                dataclasses.replace(
                    a, duplicate_of=relinked[a.id][0], derived_from=tuple(relinked[a.id][1])
                )
                for a in old_rows
            ]
            store.put_articles(updated)
            touched.update(a.story for a in updated if a.story)
        store.put_state(LINK_STATE, state.to_dict())
        for sid in sorted(s for s in touched if s):
            members = store.articles(story=sid)
            story, members = analyze_story(sid, members, settings)
            store.put_articles(members)
            store.put_story(story, members)
    return len(touched)


def analyze_story(
    story_id: str, articles: list[Article], settings: Settings = DEFAULT
) -> tuple[Story, list[Article]]:
    """Return the story of ``articles`` (extract, compare, brief) and the annotated articles."""
    from newsdesk.link.origins import count_origins, group_origins

    articles = _annotate(articles)
    origins = group_origins(articles)
    dated = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    title = next((a.title for a in dated if a.title), None) or articles[0].text[:80]
    story = Story(
        id=story_id,
        title=title,
        articles=tuple(a.id for a in articles),
        origins=count_origins(articles),
    )
    try:
        from newsdesk.brief.brief import brief_story
        from newsdesk.compare.story import compare_story
    except ImportError:
        return story, articles
    story = compare_story(story, articles, origins, settings)
    story = brief_story(story, articles, origins, settings)
    return story, articles


def _annotate(articles: list[Article]) -> list[Article]:
    try:
        from newsdesk.extract.annotate import annotate_article, canonicalize_story
    except ImportError:
        return articles
    done = [
        a if a.annotations is not None else dataclasses.replace(a, annotations=annotate_article(a))
        for a in articles
    ]
    return canonicalize_story(done)


def removed_text(article: Article) -> list[tuple[str, str]]:
    """Return (reason, text) of the furniture cleaning dropped, re-read from the input.

    Returns an empty list when the input is no longer where it was ingested from.
    """
    if not article.removed:
        return []
    try:
        raw = read_input(article.source.path)
    except InputError:
        return []
    if raw.kind in {"warc", "feed", "jsonl"}:
        return []
    text = raw.text
    return [(r.reason, text[r.start : r.end]) for r in article.removed if r.end <= len(text)]
