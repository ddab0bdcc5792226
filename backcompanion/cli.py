"""The command line (docs/ARCHITECTURE.md §9). No arguments starts the app.

Each command imports what it needs only when it runs, so that ``backcompanion``
alone starts the window without loading the PDF writer or the simulator.
Errors a user can fix go to stderr as one line with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backcompanion import __version__

EXIT_USAGE = 2


class UserError(Exception):
    """A mistake the user can fix: printed as one line, exit status 2."""


class OneLineParser(argparse.ArgumentParser):
    """argparse prints a usage block, then the error; docs/ARCHITECTURE.md §9 wants one line."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = OneLineParser(
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
    # --data-dir is accepted after a command too: `backcompanion simulate --data-dir D ...`
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    prog = sub.add_parser(
        "program", parents=[common], help="validate and print the exercise program"
    )
    prog.add_argument("--json", action="store_true", help="print JSON")
    prog.add_argument("--file", type=Path, help="a program YAML file to check instead")

    sim = sub.add_parser(
        "simulate", parents=[common], help="record N days of simulated sessions (demo data)"
    )
    sim.add_argument("--days", type=int, required=True)
    sim.add_argument("--start", help="first day, YYYY-MM-DD (default: N days before today)")
    sim.add_argument("--seed", type=int, default=1)

    exp = sub.add_parser("export-summary", parents=[common], help="write the weekly summary PDF")
    exp.add_argument("--week", help="ISO week, YYYY-Www (default: the last full week)")
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument(
        "--language",
        help="language code, e.g. es, or 'system' (default: the app's setting)",
    )

    hist = sub.add_parser("export-history", parents=[common], help="write every session as CSV")
    hist.add_argument("--out", type=Path, required=True)

    plan = sub.add_parser(
        "plan", parents=[common], help="the therapist's plan: show, export, import, restore"
    )
    plan_sub = plan.add_subparsers(
        dest="plan_command", metavar="ACTION", parser_class=OneLineParser, required=True
    )
    show = plan_sub.add_parser("show", parents=[common], help="print the plan in force")
    show.add_argument("--json", action="store_true", help="print JSON")
    export = plan_sub.add_parser("export", parents=[common], help="write the plan in force")
    export.add_argument("--out", type=Path, required=True)
    imp = plan_sub.add_parser(
        "import", parents=[common], help="print the differences, then put a plan file in force"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="only print the differences")
    plan_sub.add_parser("previous", parents=[common], help="put the plan before back in force")
    plan_sub.add_parser("standard", parents=[common], help="go back to the standard program")

    rules = sub.add_parser("rules", parents=[common], help="audit the progression and safety rules")
    rules_sub = rules.add_subparsers(
        dest="rules_command", metavar="ACTION", parser_class=OneLineParser, required=True
    )
    replay = rules_sub.add_parser(
        "replay", parents=[common], help="run a scripted history (YAML) through the rules"
    )
    replay.add_argument("scenario", type=Path)

    shots = sub.add_parser("screenshots", parents=[common], help="render each main screen to PNG")
    shots.add_argument("--out", type=Path, required=True)
    shots.add_argument(
        "--language", default="en", help="language code, e.g. es, or 'system' (default: en)"
    )
    return p


def _window_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments of a plain start of the window (``--data-dir DIR``, ``--demo``, or
    none) read without building the whole parser (start-up time); None for anything else,
    which the parser reads (commands, --help, --version, mistakes, abbreviations)."""
    args = argparse.Namespace(command=None, data_dir=None, demo=False)
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--demo":
            args.demo = True
        elif word == "--data-dir" and rest and rest[0] and not rest[0].startswith("-"):
            args.data_dir = Path(rest.pop(0))
        elif word.startswith("--data-dir=") and len(word) > len("--data-dir="):
            args.data_dir = Path(word.removeprefix("--data-dir="))
        else:
            return None
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _window_args(argv) or _parser().parse_args(argv)
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
    except Exception as exc:  # never a traceback (docs/ARCHITECTURE.md §9)
        print(f"backcompanion: {_in_words(exc, args)}", file=sys.stderr)
        return EXIT_USAGE


def _cmd_rules(args: argparse.Namespace) -> int:
    """``rules replay SCENARIO.yaml``: one JSON object a line per session (docs/rules-replay.md)."""

    import yaml

    from backcompanion.report.replay import ScenarioError, replay

    try:
        data = yaml.safe_load(args.scenario.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"{args.scenario}: cannot read it ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise UserError(f"{args.scenario}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    try:
        lines = [json.dumps(r, sort_keys=False) for r in replay(data)]
    except ScenarioError as exc:
        raise UserError(f"{args.scenario}: {exc}") from exc
    print("\n".join(lines))
    return 0


def _in_words(exc: Exception, args: argparse.Namespace) -> str:
    """One line for what stopped a command: the cause in the person's words where known."""
    import os
    import sqlite3

    from backcompanion.history.errors import folder_problem, sqlite_problem

    if os.environ.get("BACKCOMPANION_DEBUG"):
        import traceback

        traceback.print_exc()
    folder = getattr(args, "folder", None) or getattr(args, "data_dir", None) or Path(".")
    from backcompanion.history import StoreError

    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        return sqlite_problem(folder, exc)
    if isinstance(exc, OSError):
        where = Path(exc.filename) if exc.filename else folder
        return folder_problem(where, exc)
    return (
        f"an unexpected error stopped the command ({type(exc).__name__}: {exc}); "
        "run it with BACKCOMPANION_DEBUG=1 to see where"
    )


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder: ``--data-dir`` or the platform's default for the app."""
    if args.data_dir is not None:
        args.folder = args.data_dir
        return args.data_dir
    from backcompanion.history import settled_data_dir

    settled = settled_data_dir()  # a history in the old doubled folder moves first
    if settled.message:
        print(f"backcompanion: {settled.message}", file=sys.stderr)
    args.folder = settled.folder  # for the message if the command fails
    return settled.folder


def open_store(folder: Path):
    """The store for a command, with every store error turned into one line for the user."""
    from backcompanion.history import Store, StoreError
    from backcompanion.program import builtin_program

    program = builtin_program()
    try:
        return Store.open(folder, phases={e.id: e.phase.value for e in program.exercises})
    except StoreError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        from backcompanion.history.errors import folder_problem

        raise UserError(folder_problem(folder, exc)) from None


@contextmanager
def holding_for_writing(folder: Path) -> Iterator[None]:
    """Hold ``folder`` while a command writes to its history (``simulate``, ``plan import``):
    :func:`backcompanion.instance.hold_for_writing`, its refusals as one line for the user."""
    from backcompanion.history.errors import folder_problem
    from backcompanion.instance import FolderInUse, lock_for_writing

    try:
        lock = lock_for_writing(folder)
    except FolderInUse as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(folder_problem(folder, exc)) from None
    try:
        yield
    finally:
        lock.unlock()


def _cmd_simulate(args: argparse.Namespace) -> int:
    from datetime import date, timedelta

    from backcompanion.program import builtin_program
    from backcompanion.session.rules import load_rules
    from backcompanion.simulate import simulate

    if not 1 <= args.days <= 36500:
        raise UserError(f"--days: expected 1 to 36500 days, not {args.days}")
    if args.start:
        try:
            start = date.fromisoformat(args.start)
        except ValueError:
            raise UserError(
                f"--start: expected a date like 2026-01-31, not {args.start!r}"
            ) from None
    else:
        start = date.today() - timedelta(days=args.days)
    folder = data_dir(args)
    with holding_for_writing(folder):
        store = open_store(folder)
        try:
            result = simulate(store, builtin_program(), load_rules(), args.days, start, args.seed)
        finally:
            store.close()
    print(
        f"Simulated {result.days} days from {result.first_day} to {result.last_day}: "
        f"{result.sessions} sessions, {result.skipped} days skipped, in {folder}"
    )
    return 0


def _ensure_gui_platform() -> None:
    """Commands that render (screenshots, PDF) work with no display: offscreen then."""
    import os

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _cmd_screenshots(args: argparse.Namespace) -> int:
    _ensure_gui_platform()
    from backcompanion.app import make_qapp

    app = make_qapp()
    from backcompanion.ui import language
    from backcompanion.ui.devtools.screenshots import render_all

    code = language.choose(args.language)
    if args.language not in ("system", code):
        raise UserError(
            f"--language {args.language}: no such translation"
            f" (have: {', '.join(language.available())})"
        )
    language.install(code, app)

    try:
        saved = render_all(args.out)
    except OSError as exc:
        raise UserError(f"{args.out}: cannot write the screenshots ({exc})") from None
    for path in saved:
        print(path)
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


# --- export-summary and export-history -----------------------------------------------


def _export_app():
    """A QGuiApplication for the PDF's fonts, named as the app is (offscreen without a display).

    Also sets the names QSettings and QStandardPaths use, so the command sees
    the same data folder and settings (the person's name) as the window.
    """
    import os

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from backcompanion import APP_NAME, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QGuiApplication.instance()
    if app is None:
        no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
        if os.name == "posix" and sys.platform != "darwin" and no_display:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([sys.argv[0] if sys.argv else "backcompanion"])
    return app


def _export_target(out: Path) -> Path:
    from backcompanion.report.files import ExportError, check_target

    try:
        return check_target(out)
    except ExportError as exc:
        raise UserError(str(exc)) from None


def _existing_store(args: argparse.Namespace):
    """The history to export from; a folder without one is a mistake worth saying."""
    from backcompanion.history import Store, StoreError
    from backcompanion.history.errors import folder_problem
    from backcompanion.history.schema import DB_NAME
    from backcompanion.program import builtin_program

    folder = data_dir(args)
    existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    if not existing.is_dir():  # the folder, or one above it, is a file
        raise UserError(folder_problem(folder, NotADirectoryError(20, "not a folder")))
    if not (folder / DB_NAME).exists():
        raise UserError(
            f"no history in {folder}: nothing was recorded there yet (check --data-dir)"
        )
    program = builtin_program()
    try:  # read-only where the folder cannot be written: an export only reads
        return Store.open_to_read(folder, phases={e.id: e.phase.value for e in program.exercises})
    except StoreError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(folder_problem(folder, exc)) from None


def _cmd_export_summary(args: argparse.Namespace) -> int:
    from backcompanion.history import StoreError
    from backcompanion.report.files import ExportError
    from backcompanion.report.weeks import IsoWeek, WeekError, last_full_week
    from backcompanion.session.clock import local_now

    now = local_now()
    if args.week:
        try:
            week = IsoWeek.parse(args.week)
        except WeekError as exc:
            raise UserError(f"--week: {exc}") from None
        if week.start > now.date():
            current = IsoWeek.of(now.date())
            raise UserError(f"--week: {week} has not begun yet (this week is {current})")
    else:
        week = last_full_week(now.date())
    out = _export_target(args.out)
    app = _export_app()

    from backcompanion.report.pdf import write_summary_pdf
    from backcompanion.report.summary import weekly_summary
    from backcompanion.session.rules import load_rules
    from backcompanion.ui import language
    from backcompanion.ui.settings_model import Settings

    settings = Settings()
    name = settings.person_name or None
    wanted = args.language or settings.language
    code = language.choose(wanted)
    if args.language and args.language not in ("system", code):
        raise UserError(
            f"--language {args.language}: no such translation"
            f" (have: {', '.join(language.available())})"
        )
    language.install(code, app)  # before the summary: its sentences are made in that language
    store = _existing_store(args)
    try:
        program, base = _programs(store, data_dir(args))
        summary = weekly_summary(
            store, program, load_rules(), week.year, week.week, now, name=name, plan_program=base
        )
        path = write_summary_pdf(summary, out)
    except (StoreError, ExportError) as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(path)
    return 0


def _programs(store, folder: Path):
    """The program the sessions follow (the plan in force applied) and the one before it."""
    from backcompanion import prescription
    from backcompanion.app import load_program_for

    base, _problem = load_program_for(folder)
    return prescription.program_for(prescription.in_force(store, base), base), base


def _cmd_export_history(args: argparse.Namespace) -> int:
    from backcompanion.history import StoreError
    from backcompanion.report.csv_export import export_history_csv
    from backcompanion.report.files import ExportError
    from backcompanion.session.clock import local_now

    out = _export_target(args.out)
    _export_app()  # the data folder's default comes from QStandardPaths
    store = _existing_store(args)
    try:
        program, base = _programs(store, data_dir(args))
        path = export_history_csv(store, out, program, plan_program=base, today=local_now().date())
    except (StoreError, ExportError) as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(path)
    return 0


# --- plan ----------------------------------------------------------------------------------


def _plan_program(folder: Path):
    from backcompanion.app import load_program_for

    program, problem = load_program_for(folder)
    if problem:
        print(f"backcompanion: {problem} (the built-in program is used)", file=sys.stderr)
    return program


def _plan_in_force(folder: Path, program):
    """The plan in force, without creating a history where there is none."""
    from backcompanion import prescription
    from backcompanion.history.schema import DB_NAME

    if not (folder / DB_NAME).exists():
        return prescription.InForce(prescription.standard(program), None, True)
    store = open_store(folder)
    try:
        return prescription.in_force(store, program)
    finally:
        store.close()


def _cmd_plan(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    program = _plan_program(folder)
    action = args.plan_command
    if action == "show":
        return _plan_show(_plan_in_force(folder, program), program, args.json)
    if action == "export":
        return _plan_export(_plan_in_force(folder, program), args.out)
    if action == "import":
        return _plan_import(folder, program, args.file, args.dry_run)
    return _plan_restore(folder, program, standard=action == "standard")


def _plan_show(now, program, as_json: bool) -> int:
    from backcompanion import prescription
    from backcompanion.program.plan_file import plan_to_data

    changes = prescription.changes_from_standard(now.plan, program)
    if as_json:
        out = {
            "standard": now.standard,
            "plan_id": now.plan_id,
            "set_at": now.row.at.isoformat() if now.row else None,
            "source": now.row.source if now.row else None,
            "plan": plan_to_data(now.plan),
            "changes_from_standard": [str(c) for c in changes],
        }
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for line in plan_lines(now, program):
        print(line)
    return 0


def plan_lines(now, program) -> list[str]:
    """The plan in force as plain lines (``plan show``)."""
    from backcompanion.program.plan import (
        describe_hold,
        describe_sides,
        pattern_name,
        strengthening_name,
    )

    plan = now.plan
    title = "the standard program" if now.standard else "a therapist's plan"
    lines = [
        f"Plan in force: {title}" + (f" (since {now.row.at:%Y-%m-%d %H:%M})" if now.row else "")
    ]
    if plan.prescribed_by or plan.prescribed_on:
        on = f" on {plan.prescribed_on.isoformat()}" if plan.prescribed_on else ""
        lines.append(f"Prescribed by {plan.prescribed_by or '-'}{on}")
    breaths = "own" if plan.breaths is None else plan.breaths
    lines.append(
        f"Days per week: {plan.days_per_week} · breathing: {pattern_name(plan.breathing)},"
        f" breaths: {breaths} · strengthening: {strengthening_name(plan.strengthening)}"
    )
    for n, item in enumerate(plan.exercises, start=1):
        ex = program.by_id(item.id)
        rest = "own rest" if item.rest_s is None else f"rest {item.rest_s} s"
        line = (
            f"{n:2}. {ex.name}: hold {describe_hold(item.hold_s)}, {item.reps} repeats"
            + (f", {describe_sides(ex, item.sides)}" if ex.per_side else "")
            + f", {rest}"
        )
        if program.easier_version(ex.id) is not None and not item.easier:
            line += ", no easier version"
        lines.append(line + (f" ({item.note})" if item.note else ""))
    if plan.note:
        lines.append(f"Note: {plan.note}")
    return lines


def _plan_export(now, out: Path) -> int:
    from backcompanion.program.plan_file import write_plan_file

    target = _export_target(out)
    try:
        path = write_plan_file(now.plan, target)
    except OSError as exc:
        raise UserError(f"{out}: cannot write the plan ({exc.strerror or exc})") from None
    print(path)
    return 0


def _plan_import(folder: Path, program, file: Path, dry_run: bool) -> int:
    from backcompanion import prescription
    from backcompanion.program import DataError
    from backcompanion.program.plan import plan_changes
    from backcompanion.program.plan_file import read_plan_file
    from backcompanion.session.clock import local_now

    try:
        plan = read_plan_file(file, program)
    except DataError as exc:
        raise UserError(str(exc)) from None
    now = _plan_in_force(folder, program)
    changes = plan_changes(now.plan, plan, program)
    if changes:
        print(f"Changes from the plan in force ({len(changes)}):")
        for change in changes:
            print(f"  {change}")
    else:
        print("No differences from the plan in force.")
    if dry_run:
        print("Dry run: nothing was changed.")
        return 0
    with holding_for_writing(folder):
        store = open_store(folder)
        try:
            prescription.put_in_force(store, plan, "file", local_now())
        finally:
            store.close()
    print("The plan is in force; `backcompanion plan previous` puts the one before back.")
    return 0


def _plan_restore(folder: Path, program, standard: bool) -> int:
    from backcompanion import prescription
    from backcompanion.session.clock import local_now

    with holding_for_writing(folder):
        store = open_store(folder)
        try:
            if standard:
                if prescription.in_force(store, program).standard:
                    print("The standard program is already in force.")
                    return 0
                prescription.put_in_force(store, None, "standard", local_now())
                print("The standard program is in force again.")
                return 0
            if prescription.restore_previous(store, program, local_now()) is None:
                raise UserError("no earlier plan to go back to")
            restored = prescription.in_force(store, program)
        finally:
            store.close()
    name = "the standard program" if restored.standard else "the plan before"
    print(f"Back to {name}.")
    return 0
