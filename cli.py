#!/usr/bin/env python3
"""Command line of the bilingual literature-record cleaner and indexer: ``python cli.py --help``.

The commands are in ``indexer/cli.py``: Python keeps a module compiled between runs, but
compiles a script run by name again on every start (12 ms of every ``search``)."""
import sys

if __name__ == "__main__":
    try:
        from indexer.cli import main
        code = main()
    except KeyboardInterrupt:  # while starting, before main's own handler
        sys.stderr.write(("\n" if sys.stderr.isatty() else "") + "Interrupted.\n")   # (as main's)
        code = 130
    raise SystemExit(code)
