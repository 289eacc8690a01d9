"""``wirediff stories PILE...`` groups a pile into stories; ``wirediff find STORY PILE...`` ranks
a pile by how much of one text each article reuses.

Progress per stage goes to standard error when it is a terminal; every run ends with a summary
line accounting for every input article (in a story, alone, or rejected with the reason).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wirediff.cli.parsing import CommandParser, output_format
from wirediff.core import __version__
from wirediff.core.errors import WirediffError

if TYPE_CHECKING:
    from wirediff.corpus import Grouping

EXIT_OK = 0
OUTPUT_FORMATS = ("json", "csv", "db", "txt")
STORIES_SUFFIXES = {
    ".json": "json",
    ".csv": "csv",
    ".db": "db",
    ".sqlite": "db",
    ".sqlite3": "db",
    ".txt": "txt",
    ".text": "txt",
}
"""The format of ``wirediff stories -o FILE`` by the file's extension."""
FIND_SUFFIXES = {".json": "json", ".csv": "csv", ".txt": "txt", ".text": "txt"}
"""The format of ``wirediff find -o FILE`` by the file's extension."""


def _add_pile_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "pile",
        nargs="+",
        metavar="PILE",
        help="folders of .txt/.md/.html files, CSV or TSV files and JSON Lines files (.jsonl, "
        ".ndjson) with the fields id, outlet, date, url, text, or WARC files (.warc, .warc.gz; "
        "pip install 'wirediff[warc]')",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: all cores of this machine (default); dask: dask.distributed",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler to use (default: start a local cluster)",
    )
    parser.add_argument(
        "--workers", type=int, metavar="N", help="worker processes (default: one per core)"
    )
    for field in ("id", "outlet", "date", "url", "text", "title"):
        parser.add_argument(
            f"--{field}-column",
            metavar="NAME",
            default=field,
            help=f"name of the {field} field in CSV and JSON Lines input",
        )


def _columns(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from wirediff.corpus import Columns

    return Columns(
        id=args.id_column,
        outlet=args.outlet_column,
        date=args.date_column,
        url=args.url_column,
        text=args.text_column,
        title=args.title_column,
    )


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from wirediff.corpus import make_engine

    if args.workers is not None and args.workers < 1:
        raise WirediffError(f"--workers {args.workers}: need at least one worker")
    if args.scheduler and args.engine != "dask":
        raise WirediffError("--scheduler needs --engine dask")
    return make_engine(args.engine, args.scheduler, args.workers)


def _stories_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="wirediff stories",
        description="Group a pile of articles into stories: which articles carry versions of "
        "the same source story (republished, trimmed, updated, rewritten), and each story's "
        "likely original. In a terminal, opens the story list; enter opens a story.",
    )
    _add_pile_options(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the stories: .json, .csv, .txt, or .db (a SQLite store; an "
        "existing store gets the new articles added)",
    )
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="output format (default: from the -o extension, else txt)",
    )
    return parser


def _write(text: str, output: str | None) -> None:
    # One writer for every command: a full disk is a one-line error, a terminal sees no controls.
    from wirediff.cli.main import write_output

    write_output(text, output)


def run_stories(argv: Sequence[str]) -> int:
    """``wirediff stories``: group the pile, write or show the stories, print the summary."""
    args = _stories_parser().parse_args(argv)
    from wirediff.corpus import group, read_pile
    from wirediff.corpus import store as corpus_store
    from wirediff.corpus.export import rejection_report, to_csv, to_json, to_text
    from wirediff.corpus.progress import Progress

    format_name = output_format(args.output, args.format, STORIES_SUFFIXES)
    if format_name == "db" and not args.output:
        raise WirediffError("--format db needs -o STORE.db")
    prior = corpus_store.load(args.output) if format_name == "db" else None
    records = read_pile(args.pile, _columns(args))
    engine = _engine(args)
    interactive = format_name == "txt" and not args.output and _on_terminal()
    try:
        # a story opened in the app is aligned with term weights fitted on the whole pile:
        # count its terms while the engine is up
        grouping, state = group(
            records, engine, progress=Progress(), prior=prior, count_terms=interactive
        )
    finally:
        engine.close()
    for line in rejection_report(grouping):
        print(f"wirediff: rejected {line}", file=sys.stderr)
    if format_name == "db":
        corpus_store.save(args.output, grouping, state)
    elif format_name == "json":
        _write(to_json(grouping, __version__), args.output)
    elif format_name == "csv":
        _write(to_csv(grouping), args.output)
    elif not interactive or not grouping.stories:
        _write(to_text(grouping), args.output)
        if not args.output and sys.stdout.isatty():
            return EXIT_OK  # the text report ends with the summary, on this same screen
    else:
        _open_app(grouping)
    print(f"wirediff: {grouping.summary()}", file=sys.stderr)
    return EXIT_OK


def _on_terminal() -> bool:
    return sys.stdout.isatty() and sys.stdin.isatty()


def _open_app(grouping: Grouping) -> None:
    import importlib

    try:
        stories_app = importlib.import_module("wirediff.tui.stories")
    except ModuleNotFoundError as error:
        raise WirediffError(f"the terminal app is not installed ({error.name})") from None
    stories_app.run(grouping)


def _find_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="wirediff find",
        description="Rank the articles of a pile by how much of STORY they reuse (share of its "
        "sentences found verbatim or reworded), as Churnalism did for press releases.",
    )
    parser.add_argument(
        "story", metavar="STORY", help="the text to look for (text, Markdown, HTML)"
    )
    _add_pile_options(parser)
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the ranking: .json, .csv or .txt"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=20,
        metavar="N",
        help="articles to list (default 20; 0 for all)",
    )
    return parser


def run_find(argv: Sequence[str]) -> int:
    """``wirediff find``: rank the pile's articles by reuse of one text."""
    args = _find_parser().parse_args(argv)
    import csv
    import io
    import json

    from wirediff.core.load import load_document
    from wirediff.corpus import Article, read_pile
    from wirediff.corpus.export import clean
    from wirediff.corpus.find import find, probe_of

    format_name = output_format(args.output, None, FIND_SUFFIXES, format_option=False)
    probe = probe_of(load_document(args.story))
    if not probe.sentences:
        raise WirediffError(f"{args.story}: no sentence long enough to look for")
    articles: list[Article] = []
    rejected = 0
    for record in read_pile(args.pile, _columns(args)):
        if isinstance(record, Article):
            articles.append(record)
        else:
            rejected += 1
            print(
                f"wirediff: rejected {clean(record.source)}: {clean(record.reason)}",
                file=sys.stderr,
            )
    engine = _engine(args)
    try:
        ranking = find(probe, articles, engine)
    finally:
        engine.close()
    shown = ranking[: args.limit] if args.limit else ranking
    rows = [
        {
            "rank": n,
            "id": articles[r.article].id,
            "outlet": articles[r.article].outlet,
            "date": articles[r.article].published,
            "url": articles[r.article].url,
            "reused": r.reused,
            "verbatim": r.verbatim,
            "sentences": r.sentences,
        }
        for n, r in enumerate(shown, start=1)
    ]
    output = args.output or ""
    if format_name == "json":
        _write(
            json.dumps(
                {"story": args.story, "sentences": len(probe.sentences), "articles": rows},
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            output,
        )
    elif format_name == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["rank"])
        writer.writeheader()
        writer.writerows(rows)
        _write(buffer.getvalue(), output)
    else:
        lines = [f"{'rank':>4} {'reused':>7} {'verbatim':>8}  article"]
        for row in rows:
            where = "  ".join(
                clean(str(row[field])) for field in ("id", "outlet", "date") if row[field]
            )
            lines.append(f"{row['rank']:>4} {row['reused']:>7.0%} {row['verbatim']:>8.0%}  {where}")
        _write("\n".join(lines) + "\n", args.output)
    print(
        f"wirediff: {len(articles) + rejected} articles: {len(ranking)} reuse some of "
        f"{args.story} ({len(probe.sentences)} sentences), {len(articles) - len(ranking)} none, "
        f"{rejected} rejected",
        file=sys.stderr,
    )
    return EXIT_OK
