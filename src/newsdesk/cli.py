"""The ``newsdesk`` command: parse, call the pipeline, print (rich for people, --json for programs).

Errors are converted once, here: ``error: PATH: problem`` on stderr and exit code 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk.errors import NewsdeskError, StoreError
from newsdesk.settings import DEFAULT

app = typer.Typer(
    name="newsdesk",
    help="Turn scraped news pages into clean, cross-checked, cited stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True, highlight=False)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite database file.", dir_okay=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of tables.")]
OutletsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--outlets", help="Extra outlet registry JSON (name, hosts, country, tz); repeatable."
    ),
]


def _fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False, soft_wrap=True)
    return typer.Exit(1)


def _open(db: Path, create: bool = False) -> Any:
    from newsdesk.store import Store

    try:
        return Store(db, create=create)
    except StoreError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files and folders: text scrapes, HTML, WARC(.gz), RSS/Atom, JSONL."),
    ],
    db: DbOpt = Path("news.db"),
    outlets: OutletsOpt = None,
    analyze: Annotated[
        bool, typer.Option(help="Link, extract, compare and brief the stories touched.")
    ] = True,
    as_json: JsonOpt = False,
    changes: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="Change a setting for this run, NAME=VALUE (see `newsdesk settings`); repeatable.",
        ),
    ] = None,
) -> None:
    """Read pages into the database: clean, link into stories, cross-check, brief."""
    from newsdesk.ingest import walk_inputs
    from newsdesk.pipeline import ingest_files, load_registry

    try:
        settings = DEFAULT.with_changes(changes or [])
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    try:
        registry = load_registry(outlets or [])
    except NewsdeskError as exc:
        raise _fail(str(exc)) from exc
    store = _open(db, create=True)
    files, _ = walk_inputs([str(p) for p in paths])
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        disable=as_json or not err.is_terminal,
        transient=True,
    )

    def on_file(path: str, added: int, problem: str | None) -> None:
        progress.update(task, advance=1, description=Path(path).name)

    with progress:
        task = progress.add_task("", total=len(files))
        try:
            report = ingest_files(store, paths, settings, on_file, registry, analyze=analyze)
        except NewsdeskError as exc:
            raise _fail(str(exc)) from exc
        finally:
            store.close()
    for e in report.errors:
        err.print(f"error: {e}", markup=False, soft_wrap=True)
    for w in report.warnings:
        err.print(f"warning: {w}", markup=False, soft_wrap=True)
    summary = {
        "files": report.files,
        "articles": report.articles,
        "skipped": report.skipped,
        "errors": len(report.errors),
        "stories": report.stories,
    }
    if as_json:
        out.print_json(
            data={**summary, "error_messages": report.errors, "warnings": report.warnings}
        )
    else:
        out.print(
            f"{report.files} file(s), {report.articles} new article(s), {report.skipped} skipped, "
            f"{len(report.errors)} error(s), {report.stories} story(ies) updated → {db}"
        )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def stories(
    db: DbOpt = Path("news.db"), limit: int = 50, offset: int = 0, as_json: JsonOpt = False
) -> None:
    """List stories, newest first: title, articles, outlets, independent origins, dates."""
    store = _open(db)
    rows, total = store.list_stories(limit=limit, offset=offset)
    if as_json:
        out.print_json(
            data={
                "total": total,
                "items": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "articles": r.articles,
                        "outlets": list(r.outlets),
                        "origins": r.origins,
                        "disputed": r.disputed,
                        "first": r.first_date,
                        "last": r.last_date,
                    }
                    for r in rows
                ],
            }
        )
        return
    table = Table(title=f"{total} stories", show_lines=False)
    for col in ("id", "title", "articles", "outlets", "origins", "disputed", "first", "last"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r.id, r.title, str(r.articles), ", ".join(r.outlets), str(r.origins), str(r.disputed),
            (r.first_date or "")[:16], (r.last_date or "")[:16],
        )  # fmt: skip
    out.print(table)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id (see `newsdesk stories`).")],
    db: DbOpt = Path("news.db"),
    as_json: JsonOpt = False,
) -> None:
    """Show one story: brief, disputes, single-source claims, who said what, articles by origin."""
    from newsdesk.export import article_to_contract, story_to_contract
    from newsdesk.link.origins import group_origins

    store = _open(db)
    s = store.get_story(story)
    if s is None:
        raise _fail(f"{db}: no story {story!r} (see `newsdesk stories --db {db}`)")
    members = store.articles(ids=list(s.articles))
    if as_json:
        out.print_json(
            data={**story_to_contract(s), "articles": [article_to_contract(a) for a in members]}
        )
        return
    from newsdesk.story_text import format_story

    out.print(format_story(s, members, group_origins(members)), markup=False, highlight=False)


@app.command()
def export(
    db: DbOpt = Path("news.db"),
    fmt: Annotated[
        str, typer.Option("--format", help="json (the export contract), csv or markdown.")
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; default standard output.")
    ] = None,
) -> None:
    """Export everything: JSON per the export contract, CSV or Markdown."""
    from newsdesk.export import export_csv, export_json, export_markdown

    store = _open(db)
    if fmt == "json":
        text = json.dumps(export_json(store), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = export_csv(store.articles())
    elif fmt in {"markdown", "md"}:
        text = export_markdown(store.articles(), store.stories())
    else:
        raise _fail(f"--format {fmt!r}: use json, csv or markdown")
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


@app.command()
def serve(
    db: DbOpt = Path("news.db"),
    host: Annotated[
        str, typer.Option(help="Address to bind; loopback unless you pass --token.")
    ] = "127.0.0.1",
    port: int = 8000,
    token: Annotated[
        str | None, typer.Option(help="Token that write endpoints require (needed off loopback).")
    ] = None,
) -> None:
    """Serve the web UI and JSON API (/api, /docs) for a database."""
    from newsdesk.web.app import serve as run

    _open(db, create=True).close()
    run(str(db), host=host, port=port, token=token)


@app.command()
def demo(
    db: DbOpt = Path("demo.db"),
    port: int = 8000,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Only build the database and export.")
    ] = False,
) -> None:
    """Run the whole job on the bundled sample corpus, export it, and serve the result."""
    root = _samples_dir()
    if db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    extra = [root / "outlets.json"] if (root / "outlets.json").exists() else []
    try:
        ingest([root / "corpus"], db=db, outlets=extra, analyze=True, as_json=False)
    except typer.Exit as exc:
        if exc.exit_code:
            err.print("some sample files failed (see above); continuing with the rest")
    export(db=db, fmt="json", output=db.with_suffix(".json"))
    stories(db=db, limit=20, offset=0, as_json=False)
    if not no_serve:
        serve(db=db, host="127.0.0.1", port=port, token=None)


def _samples_dir() -> Path:
    if Path("samples/corpus").is_dir():
        return Path("samples")  # relative, so exported source paths stay as given
    base = Path(__file__).resolve().parents[2]
    if (base / "samples" / "corpus").is_dir():
        return base / "samples"
    raise _fail("samples/: the bundled sample corpus is not here (run from the repository)")


@app.command()
def settings() -> None:
    """List every setting with its default and what it does."""
    table = Table(title="settings")
    for col in ("name", "default", "help"):
        table.add_column(col)
    for name, default, help_ in DEFAULT.help():
        table.add_row(name, str(default), help_)
    out.print(table)


def main() -> None:
    """Run the CLI (console script entry point)."""
    app()


if __name__ == "__main__":
    main()
