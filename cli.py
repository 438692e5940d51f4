#!/usr/bin/env python3
"""Command line of the bilingual literature-record cleaner and indexer.

Data goes to stdout, progress and messages to stderr.  Exit codes:
  0  everything read and processed
  1  some input failed (each failure reported on stderr, and in --json / --failures output)
  2  usage error (bad option, missing file, unknown format, no index)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
DEFAULT_INDEX = "index_data"

EPILOG_CLEAN = """examples:
  python cli.py clean ../shared/seed/000_ce99a9668d82360c.txt
  python cli.py clean --json exports/ > cleaned.jsonl
  python cli.py clean --json --failures failed.jsonl page1.txt page2.txt
"""
EPILOG_INGEST = """examples:
  python cli.py ingest samples/            # into ./index_data
  python cli.py ingest --index /tmp/idx exports/cnki.txt
"""
EPILOG_SEARCH = """examples:
  python cli.py search 脊柱转移
  python cli.py search "spinal metastasis" --limit 5
  python cli.py search --json 基金 --index /tmp/idx
"""


def dumps(obj) -> str:
    from indexer.jsonio import dumps as _dumps

    return _dumps(obj)


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def _write_failures(failures, path: str | None) -> None:
    if not path:
        return
    with open(path, "w", encoding="utf-8") as fh:
        for f in failures:
            fh.write(dumps(f.to_json()) + "\n")


def cmd_clean(args) -> int:
    from indexer.cleaner import clean_paths
    from indexer.record import Failure
    from indexer.show import format_failure, format_record

    failures = []
    count = 0
    for item in clean_paths(args.paths, args.format):
        if isinstance(item, Failure):
            failures.append(item)
            _err(f"Error: {item.message()}")
            if args.json:
                _out(dumps(item.to_json()))
            elif not args.quiet:
                _out(format_failure(item))
            continue
        count += 1
        _out(dumps(item.to_json()) if args.json else format_record(item) + "\n")
    _write_failures(failures, args.failures)
    if not args.quiet:
        _err(f"{count} record(s) cleaned, {len(failures)} failure(s)")
    return EXIT_FAILURES if failures else EXIT_OK


def cmd_ingest(args) -> int:
    from indexer.index.ingest import ingest

    summary = ingest(args.paths, args.index, fmt=args.format, quiet=args.quiet)
    _write_failures(summary.failures, args.failures)
    for f in summary.failures:
        _err(f"Error: {f.message()}")
    if args.json:
        _out(dumps(summary.to_json()))
    elif not args.quiet:
        _err(summary.describe())
    return EXIT_FAILURES if summary.failures else EXIT_OK


def cmd_search(args) -> int:
    from indexer.index.search import IndexMissing, search

    try:
        result = search(args.index, args.query, limit=args.limit)
    except IndexMissing as e:
        _err(f"Error: {e}. Run `python cli.py ingest PATH --index {args.index}` first.")
        return EXIT_USAGE
    if args.json:
        _out(dumps(result))
        return EXIT_OK
    _out(f"{result['total']} hit(s) for {args.query!r}")
    for i, hit in enumerate(result["hits"], 1):
        title = hit["title"].get("zh") or hit["title"].get("en") or next(iter(hit["title"].values()), "(no title)")
        _out(f"{i:>3}. {title}  [{hit['year'] or '----'}] {hit['source']['path']}#{hit['source']['record']}")
        if hit.get("snippet"):
            _out(f"     {hit['snippet']}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cli.py", description="Clean, index and search Chinese/English literature records.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 all read; 1 some input failed (reported); 2 usage error\n\n"
               "run `python cli.py COMMAND --help` for examples")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("clean", help="read and clean records, print them", epilog=EPILOG_CLEAN,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked)")
    p.add_argument("--json", action="store_true", help="one contract record (or failure object) per line")
    p.add_argument("--format", help="force the input format instead of detecting it")
    p.add_argument("--failures", metavar="FILE", help="also write failures (with raw text) as JSON lines")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("ingest", help="clean records and add them to the index", epilog=EPILOG_INGEST,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--format", help="force the input format")
    p.add_argument("--failures", metavar="FILE", help="write failures (with raw text) as JSON lines")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="search the index", epilog=EPILOG_SEARCH,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("query", help="words in Chinese or English")
    p.add_argument("--index", default=DEFAULT_INDEX, help=f"index folder (default {DEFAULT_INDEX}/)")
    p.add_argument("--limit", type=int, default=10, help="maximum hits (default 10)")
    p.add_argument("--json", action="store_true", help='print {"total": n, "hits": [...]}')
    p.set_defaults(func=cmd_search)
    return parser


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as e:
        _err(f"Error: {e.args[0] if e.args else e}. Check the path and try again.")
        return EXIT_USAGE
    except KeyError as e:
        _err(f"Error: {e.args[0] if e.args else e}")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
