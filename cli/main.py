"""The ``wirediff`` command: ``wirediff report FILE...`` writes a report, ``wirediff FILE...``
opens the terminal app. Errors print one line naming the file and exit 2, never a traceback.

The report path imports neither Textual nor the app, so it starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from wirediff.cli.parsing import EXIT_USAGE, CommandParser, output_format
from wirediff.core import __version__
from wirediff.core.errors import WirediffError
from wirediff.core.visible import visible_line, visible_report
from wirediff.reports import FORMAT_OF_SUFFIX, RENDERERS

EXIT_OK = 0

_DESCRIPTION = """\
Compare versions of one news story sentence by sentence: what each version kept, reworded,
moved, added and dropped, with altered quotes, changed numbers, names and attribution flagged.

  wirediff                       open the app on the bundled sample story
  wirediff A.txt B.html C.md     open the app on your versions (a folder works too)
  wirediff report A B -o out.json   write a report (json, txt, html, md, csv)
  wirediff stories PILE...       group a pile of articles into stories (corpus mode)
  wirediff find STORY PILE...    rank a pile's articles by how much of STORY they reuse
"""


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="versions of the story: text, Markdown or HTML files, folders, web addresses "
        "(http:// or https://), or - for stdin (default: the bundled sample story)",
    )
    parser.add_argument(
        "--manifest",
        metavar="FILE",
        help="CSV or JSON file giving each version's path, outlet, date and url (with no "
        "FILE given, the versions it lists are compared)",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch web addresses again instead of reading them from the cache "
        "($WIREDIFF_CACHE, else $XDG_CACHE_HOME/wirediff, else ~/.cache/wirediff)",
    )
    parser.add_argument(
        "--base",
        default="0",
        metavar="PATH|INDEX|auto",
        help="the version the others are compared with: a path, an index from 0, or auto "
        "(the version whose wording the others reuse most, the likely wire original); "
        "default: the first",
    )
    parser.add_argument(
        "--all-pairs",
        action="store_true",
        help="compare every pair of versions, not only each one with the base (measures "
        "every cell of the similarity matrix instead of estimating it through the base)",
    )


def _app_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="wirediff",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run 'wirediff report --help' for the report options.",
    )
    parser.add_argument("--version", action="version", version=f"wirediff {__version__}")
    _add_common(parser)
    return parser


def _report_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="wirediff report",
        description="Write a report comparing versions of one story.",
    )
    _add_common(parser)
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(RENDERERS),
        default=None,
        help="report format (default: from the -o file's extension: .html or .htm, .md, "
        ".json, .csv, .txt; else txt)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="file to write (default: standard output)",
    )
    return parser


def _inputs(files: Sequence[str], manifest: str | None = None) -> list[str]:
    from wirediff.core.load import bundled_seeds

    return list(files) if files or manifest else bundled_seeds()


def _collate(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from wirediff.core.collation import collate
    from wirediff.core.load import load_documents, printable_path

    if not args.files and not args.manifest:
        from wirediff.core.load import load_bundled_seeds

        documents = load_bundled_seeds()
    else:
        documents = load_documents(
            _inputs(args.files, args.manifest), manifest=args.manifest, refresh=args.refresh
        )
    # Document paths show bytes that are not UTF-8 as U+FFFD; so must --base, to match them.
    return collate(documents, base=printable_path(args.base), all_pairs=args.all_pairs)


def run_report(argv: Sequence[str]) -> int:
    """``wirediff report``: write the report and return the exit code."""
    args = _report_parser().parse_args(argv)
    format_name = output_format(args.output, args.format, FORMAT_OF_SUFFIX)
    collation = _collate(args)
    from wirediff.reports import render

    text = render(collation, format_name, __version__)
    write_output(text, args.output)
    return EXIT_OK


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to the file ``output``, or to standard output.

    On a terminal every format shows control characters from the input visibly (a report is
    data in a file or a pipe, but on a terminal an escape sequence would run).
    """
    if output is None or output == "-":
        if sys.stdout.isatty():
            text = visible_report(text)
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:  # e.g. > /dev/full
            _silence_stdout()
            raise WirediffError(
                f"standard output: cannot write ({error.strerror or error})"
            ) from None
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise WirediffError(f"{output}: cannot write ({error.strerror or error})") from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so the exit flush fails no more."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def run_app(argv: Sequence[str]) -> int:
    """``wirediff FILE...``: open the terminal app (or print the text report without a terminal)."""
    args = _app_parser().parse_args(argv)
    files = list(args.files)  # none: the app loads the bundled seeds (named seeds/NAME)
    if not sys.stdout.isatty() or not sys.stdin.isatty() or "-" in files:
        collation = _collate(args)
        from wirediff.reports import render

        write_output(render(collation, "txt", __version__), None)
        return EXIT_OK
    import importlib

    # The app lives in wirediff.tui, which the engine never imports at module level.
    try:
        app = importlib.import_module("wirediff.tui.app")
    except ModuleNotFoundError as error:
        raise WirediffError(f"the terminal app is not installed ({error.name})") from None
    exit_code: int = app.run(
        files,
        base=args.base,
        all_pairs=args.all_pairs,
        manifest=args.manifest,
        refresh=args.refresh,
    )
    return exit_code


COMMANDS = ("report", "stories", "find")


def _check_command(argument: str) -> None:
    """A first argument that looks like a misspelt command, not a path, is named as one."""
    looks_like_word = argument.isalpha() and argument.isascii()
    if looks_like_word and argument not in COMMANDS and not os.path.lexists(argument):
        raise WirediffError(
            f"{argument}: no such file or folder, nor a command ({', '.join(COMMANDS)}; "
            "see 'wirediff --help')"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``wirediff`` console script."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] == "report":
            return run_report(arguments[1:])
        if arguments and arguments[0] in ("stories", "find"):
            from wirediff.cli import stories

            command = stories.run_stories if arguments[0] == "stories" else stories.run_find
            return command(arguments[1:])
        if arguments:
            _check_command(arguments[0])
        return run_app(arguments)
    except WirediffError as error:
        for line in error.message.splitlines() or [""]:
            # one line per problem (each web address that failed); "-" is standard input
            line = "standard input" + line[1:] if line.startswith("-: ") else line
            print(f"wirediff: {visible_line(line)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. piped into head): not an error worth a traceback
        _silence_stdout()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
