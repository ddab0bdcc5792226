"""The command line (DESIGN section 8). No arguments starts the app.

Each command imports what it needs only when it runs, so that ``backcompanion``
alone starts the window without loading the PDF writer or the simulator.
Errors a user can fix go to stderr as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from backcompanion import __version__

EXIT_USAGE = 2


class UserError(Exception):
    """A mistake the user can fix: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="backcompanion",
        description="A companion for your home exercise program for low back pain.",
    )
    p.add_argument("--version", action="version", version=f"BackCompanion {__version__}")
    p.add_argument("--data-dir", type=Path, help="keep the history in DIR instead of the default")
    p.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a throwaway folder with 42 simulated days (your data is untouched)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    prog = sub.add_parser("program", help="validate and print the exercise program")
    prog.add_argument("--json", action="store_true", help="print JSON")
    prog.add_argument("--file", type=Path, help="a program YAML file to check instead")

    sim = sub.add_parser("simulate", help="record N days of simulated sessions (demo data)")
    sim.add_argument("--days", type=int, required=True)
    sim.add_argument("--start", help="first day, YYYY-MM-DD (default: N days before today)")
    sim.add_argument("--seed", type=int, default=1)

    exp = sub.add_parser("export-summary", help="write the weekly summary PDF")
    exp.add_argument("--week", help="ISO week, YYYY-Www (default: the last full week)")
    exp.add_argument("--out", type=Path, required=True)

    hist = sub.add_parser("export-history", help="write every session as CSV")
    hist.add_argument("--out", type=Path, required=True)

    shots = sub.add_parser("screenshots", help="render each main screen to PNG")
    shots.add_argument("--out", type=Path, required=True)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            from backcompanion.app import run_app

            return run_app(data_dir=args.data_dir, demo=args.demo)
        handler = globals()["_cmd_" + args.command.replace("-", "_")]
        return handler(args)
    except UserError as exc:
        print(f"backcompanion: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `backcompanion program --json | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _cmd_program(args: argparse.Namespace) -> int:
    from backcompanion.program import DataError, builtin_program, load_program_file

    try:
        program = load_program_file(args.file) if args.file else builtin_program()
    except DataError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        json.dump([e.to_json() for e in program.exercises], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for ex in program.exercises:
        low, high = ex.hold_s
        if ex.phase.value == "breathing":
            dose = f"{ex.reps} breaths"
        else:
            hold = f"{low} s" if low == high else f"{low}-{high} s"
            dose = f"hold {hold}, {ex.reps} repeats" + (" per side" if ex.per_side else "")
        extra = f" (easier version of {ex.variant_of})" if ex.variant_of else ""
        print(f"{ex.phase.value:9}  {ex.name}{extra}: {dose}")
    return 0
