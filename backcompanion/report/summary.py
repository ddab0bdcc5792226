"""The weekly summary's numbers (docs/ARCHITECTURE.md §8): plain frozen values, no Qt.

:func:`weekly_summary` reads one ISO week (Monday to Sunday) from the store
and the rules, and returns everything the PDF shows. The week's own rows come
from the store's day-range queries. The baseline, the gate, the flare-ups and
the nudge are the rules' answers, given the facts of the four weeks before
and the few older sessions they depend on (``history.facts_window``), so the
cost does not grow with the years of history either. One thing is then said
with a horizon: when the gate has not changed in those weeks, it is "locked
(or open) since <a day in them> or earlier", not the exact moment.

The week is read "as it stood at its end": the gate, the baseline, the latest
red-flag check and the nudge are taken at the Monday after it (00:00, in the
time zone of ``now``), or at ``now`` for a week that has not ended yet; later
sessions and checks are left out. Days are the local day a session started on.

Pain per day is the mean of that day's sessions (usually one): the chart shows
days, and a second session in a day should neither vanish nor hide the first.

Also here: small wording helpers shared by the PDF and the history page, so
both say things the same way. Every sentence goes through
``backcompanion.i18n.translate``, and dates through ``i18n.format_date`` (day
and month names from the catalog, never the C library's locale, so a printed
page never mixes languages).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from backcompanion.history import SessionRow, Store
from backcompanion.history.facts_window import LOOKBACK_DAYS, FactsWindow, read_facts
from backcompanion.history.rows import LegPainRow
from backcompanion.i18n import format_date, format_decimal, translate
from backcompanion.program import Phase, Program
from backcompanion.program.plan_file import load_plan_settings
from backcompanion.program.safety import load_safety
from backcompanion.report.adherence import Adherence, adherence
from backcompanion.report.psfs import PsfsTrend, psfs_trend
from backcompanion.report.therapist import PlanSummary, plan_summary
from backcompanion.report.weeks import IsoWeek, last_full_week
from backcompanion.session import rules as R
from backcompanion.session.clock import local_midnight
from backcompanion.session.completion import session_completion
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts

__all__ = [
    "Breathing",
    "DayPain",
    "ExerciseLine",
    "FlareUpLine",
    "GateStep",
    "GateSummary",
    "HurtLine",
    "Note",
    "SafetyCheck",
    "WeeklySummary",
    "cadence_text",
    "daily_pain",
    "day_month",
    "long_date",
    "minutes_text",
    "rating_text",
    "session_weeks",
    "short_day",
    "weekly_summary",
]

# ---------------------------------------------------------------- the values


@dataclass(frozen=True)
class DayPain:
    """One day's pain: the mean opening and closing rating of its sessions (None: not rated)."""

    day: date
    opening: float | None
    closing: float | None
    sessions: int


@dataclass(frozen=True)
class ExerciseLine:
    """One exercise over the week (repeats count every side and every session)."""

    exercise_id: str
    name: str
    phase: str  # "stretch" or "strength" ("" for an exercise the program no longer has)
    easier_version_of: str | None  # the main exercise's name for a variant (knee plank)
    sessions: int  # sessions in which it was offered
    reps_planned: int
    reps_done: int
    hold_s: int | None  # the longest hold of a finished repeat; None when none was finished
    hold_range: tuple[int, int]  # the program's low and high end (0, 0 when unknown)
    per_side: bool
    sides: tuple[str, ...]  # names of the sides with at least one finished repeat
    offered: bool  # False: not offered this week (see ``not_offered_why``)
    not_offered_why: str = ""  # e.g. "not offered, locked all week"

    @property
    def share_done(self) -> float | None:
        return self.reps_done / self.reps_planned if self.reps_planned else None


@dataclass(frozen=True)
class Breathing:
    sessions: int  # sessions with a breathing set
    minutes: float
    breaths: int
    cadences: tuple[str, ...]  # as stored ("4-0-6-0"), in the order first used


@dataclass(frozen=True)
class GateStep:
    """The strengthening gate opened (``open``) or closed at ``at``; ``reasons``: why it closed."""

    at: datetime
    open: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class GateSummary:
    open: bool  # at the week's end
    since: datetime | None  # when it last opened or closed (None: see ``since_before``)
    reasons: tuple[str, ...]  # why it is locked (empty when open)
    changes: tuple[GateStep, ...]  # the openings and closings during the week, oldest first
    # when ``since`` is None: unchanged since this moment or earlier (the history
    # read goes no further back); None as well: so from the very start
    since_before: datetime | None = None


@dataclass(frozen=True)
class FlareUpLine:
    day: date
    started_at: datetime
    kind: str  # rules.FlareKind value
    text: str  # one plain sentence


@dataclass(frozen=True)
class HurtLine:
    """One "this hurts" press: the session it was in, the exercise, the rating given."""

    started_at: datetime  # the session's start
    exercise_id: str
    name: str  # the exercise's name (its id when the program no longer has it)
    rating: int | None  # None: ended without a number
    too_much: bool  # above the line the rules call too much (or no number): the exercise ended

    @property
    def day(self) -> date:
        return self.started_at.date()


@dataclass(frozen=True)
class Note:
    day: date
    started_at: datetime
    text: str


@dataclass(frozen=True)
class SafetyCheck:
    """The newest red-flag check up to the week's end."""

    at: datetime | None  # None: the questions were never answered
    ticked: tuple[int, ...]  # the flags' numbers, empty when nothing was ticked
    flags: tuple[str, ...]  # the ticked flags' labels, in the same order
    cleared_at: datetime | None  # a clinician's clearance recorded after that check
    due: bool  # never answered, or older than the recheck interval at the week's end
    levels: tuple[str, ...] = ()  # each ticked flag's triage level, in words, same order
    cleared_by: str = ""  # who cleared the person, as they wrote it (self-reported)
    cleared_on: date | None = None  # the day they gave for it

    @property
    def clearance_text(self) -> str:
        """ "Self-reported: cleared by NAME on DATE." (the PDF's words for a clearance)."""
        if self.cleared_at is None:
            return ""
        who = self.cleared_by or translate("WeeklySummary", "a clinician")
        day = self.cleared_on or self.cleared_at.date()
        return translate("WeeklySummary", "Self-reported: cleared by {who} on {date}.").format(
            who=who, date=day.isoformat()
        )

    @property
    def answered(self) -> bool:
        return self.at is not None


@dataclass(frozen=True)
class WeeklySummary:
    week: IsoWeek
    name: str | None  # the person's name when set
    made_at: datetime
    read_at: datetime  # the moment the week is read at: its end, or ``made_at`` if earlier
    sessions: int  # every session started in the week
    done: int  # complete (session.completion): ended with most of their repeats done
    stopped: int  # ended early by the person
    partial: int  # interrupted (crash, forced quit) and closed later
    unfinished: int  # still open: running, or interrupted and not closed yet
    minutes: float  # active minutes, pauses left out
    pain: tuple[DayPain, ...]  # seven days, Monday first
    opening_mean: float | None  # over the week's sessions
    closing_mean: float | None
    baseline: float | None  # the mean opening rating of the first sessions ever
    exercises: tuple[ExerciseLine, ...]  # in program order
    breathing: Breathing
    gate: GateSummary
    flare_ups: tuple[FlareUpLine, ...]
    notes: tuple[Note, ...]
    safety: SafetyCheck
    nudge: str | None  # the no-improvement suggestion when due at the week's end
    nudge_plain: bool  # said plainly (6 weeks and more) rather than suggested
    partly: int = 0  # ended with the closing check-in, but with too many repeats skipped
    # for the therapist (docs/ARCHITECTURE.md §13)
    adherence: Adherence | None = None  # days with a session against the plan's days a week
    plan: PlanSummary | None = None  # the plan in force when the week is read
    psfs: PsfsTrend | None = None  # the PSFS ratings up to the week's end, against the first
    leg_pain: tuple[LegPainRow, ...] = ()  # the week's leg-pain ratings, when asked
    hurts: tuple[HurtLine, ...] = ()  # the week's "this hurts" presses, in order
    too_much: int = 5  # "above this is too much" (progression.yaml), for the PDF's words

    @property
    def label(self) -> str:
        return self.week.label

    @property
    def title(self) -> str:
        return translate("WeeklySummary", "BackCompanion weekly summary, {week}").format(
            week=self.week.label
        )

    @property
    def days(self) -> tuple[date, ...]:
        return self.week.days

    @property
    def complete(self) -> bool:
        """The week had ended when the summary was made."""
        return self.read_at.date() >= self.week.end

    @property
    def has_sessions(self) -> bool:
        return self.sessions > 0

    @property
    def days_with_sessions(self) -> int:
        return sum(1 for d in self.pain if d.sessions)

    @property
    def first_and_last_opening(self) -> tuple[DayPain, DayPain] | None:
        """The first and the last day with an opening rating (the same day when only one)."""
        rated = [d for d in self.pain if d.opening is not None]
        return (rated[0], rated[-1]) if rated else None


# ---------------------------------------------------------------- building it


def weekly_summary(
    store: Store,
    program: Program,
    rules: R.Rules,
    year: int,
    week: int,
    now: datetime,
    name: str | None = None,
    *,
    lookback_days: int | None = LOOKBACK_DAYS,
    plan_program: Program | None = None,
) -> WeeklySummary:
    """Everything the weekly PDF shows for ISO week ``year``-W``week`` (see the module's docstring).

    ``now`` must be timezone-aware; ``name`` is the person's name, or None.
    ``lookback_days`` None reads the whole history (slower; the same numbers).
    ``program`` is the program the sessions followed (a plan's, when one is in
    force); ``plan_program`` the one before any plan (default: ``program``).
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    wk = IsoWeek(year, week)
    start, end = wk.start, wk.end
    read_at = min(now, local_midnight(end, now))

    rows = store.sessions_between(start, end)
    totals = store.exercise_totals_between(start, end)
    breathing = store.breathing_between(start, end)

    checks = [c for c in store.red_flag_checks() if c.at <= read_at]
    clearances = [c for c in store.clearances() if c.at <= read_at]
    week_start = local_midnight(start, now)
    window = read_facts(store, rules, read_at, min(week_start, read_at), lookback_days)
    gate = _gate(rules, window, checks, clearances, read_at, start)
    if gate is None:  # an answer the window cannot vouch for: read everything
        window = read_facts(store, rules, read_at, read_at, None)
        gate = _gate(rules, window, checks, clearances, read_at, start)
    facts = [f for f in window.facts if f.day < end]

    status = [r.status for r in rows]
    exercises = store.session_exercises_between(start, end)
    complete = [
        session_completion(r.status, exercises.get(r.session_id, ()), rules.complete_share).complete
        for r in rows
    ]
    rated_open = [r.opening for r in rows if r.opening is not None]
    rated_close = [r.closing for r in rows if r.closing is not None]
    found_nudge = R.nudge(rules, facts, read_at, None)
    return WeeklySummary(
        week=wk,
        name=(name or "").strip() or None,
        made_at=now,
        read_at=read_at,
        sessions=len(rows),
        done=sum(complete),
        stopped=status.count("stopped"),
        partial=status.count("partial"),
        unfinished=status.count("open"),
        minutes=sum(r.minutes for r in rows),
        pain=daily_pain(rows, wk.days),
        opening_mean=_mean(rated_open),
        closing_mean=_mean(rated_close),
        baseline=R.baseline(rules, facts),
        exercises=_exercise_lines(program, totals, gate_offered=any(r.gate_open for r in rows)),
        breathing=Breathing(
            sessions=len({b.session_id for b in breathing}),
            minutes=sum(b.minutes for b in breathing),
            breaths=sum(b.breaths for b in breathing),
            cadences=tuple(dict.fromkeys(b.cadence for b in breathing)),
        ),
        gate=gate,
        flare_ups=tuple(
            FlareUpLine(f.day, f.started_at, flare.kind.value, flare.text)
            for f, flare in R.flare_ups(rules, facts)
            if start <= f.day
        ),
        notes=tuple(Note(r.day, r.started_at, text) for r in rows for text in r.notes),
        safety=_safety(rules, checks, clearances, read_at),
        nudge=found_nudge.text if found_nudge else None,
        nudge_plain=found_nudge is not None and found_nudge.level is R.NudgeLevel.PLAIN,
        partly=status.count("done") - sum(complete),
        adherence=adherence(
            store,
            min(read_at.date(), end - timedelta(days=1)),
            load_plan_settings().standard_days_per_week,
            program,
        ),
        plan=plan_summary(store, plan_program or program, read_at),
        psfs=psfs_trend(store.psfs_rounds(), load_plan_settings(), until=read_at),
        leg_pain=tuple(store.leg_pain_between(start, end)),
        hurts=_hurt_lines(program, rules, store.hurts_between(start, end)),
        too_much=rules.too_much,
    )


def daily_pain(rows: Iterable[SessionRow], days: Sequence[date]) -> tuple[DayPain, ...]:
    """One :class:`DayPain` per day in ``days`` (days without a session have None and 0)."""
    by_day: dict[date, list[SessionRow]] = {d: [] for d in days}
    for r in rows:
        if r.day in by_day:
            by_day[r.day].append(r)
    return tuple(
        DayPain(
            day=d,
            opening=_mean([r.opening for r in rs if r.opening is not None]),
            closing=_mean([r.closing for r in rs if r.closing is not None]),
            sessions=len(rs),
        )
        for d, rs in by_day.items()
    )


def session_weeks(store: Store, today: date) -> list[IsoWeek]:
    """The weeks with at least one session, plus this week and the last full one; newest first.

    For the export dialog's week picker. One query over the sessions' days.
    """
    first = store.first_session_day()
    weeks = {IsoWeek.of(today), last_full_week(today)}
    if first is not None:
        rows = store.sessions_between(first, max(today, first) + timedelta(days=1))
        weeks.update(IsoWeek.of(r.day) for r in rows)
    return sorted(weeks, reverse=True)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _hurt_lines(program: Program, rules: R.Rules, rows) -> tuple[HurtLine, ...]:
    names = {ex.id: ex.name for ex in program.exercises}
    return tuple(
        HurtLine(
            started_at=h.started_at,
            exercise_id=h.exercise_id,
            name=names.get(h.exercise_id, h.exercise_id),
            rating=h.rating,
            too_much=h.rating is None or h.rating > rules.too_much,
        )
        for h in rows
    )


def _exercise_lines(program: Program, totals, gate_offered: bool) -> tuple[ExerciseLine, ...]:
    by_id = {t.exercise_id: t for t in totals}
    lines: list[ExerciseLine] = []
    for ex in program.exercises:
        if ex.phase is Phase.BREATHING:
            continue
        total = by_id.pop(ex.id, None)
        if total is None and ex.is_variant:
            continue  # an easier version shows only when it was done
        why = ""
        if total is None:
            if ex.phase is Phase.STRENGTH and not gate_offered:
                why = translate("WeeklySummary", "not offered, locked all week")
            else:
                why = translate("WeeklySummary", "not done this week")
        main = program.by_id(ex.variant_of).name if ex.variant_of else None
        lines.append(
            ExerciseLine(
                exercise_id=ex.id,
                name=ex.name,
                phase=ex.phase.value,
                easier_version_of=main,
                sessions=total.sessions if total else 0,
                reps_planned=total.reps_planned if total else 0,
                reps_done=total.reps_done if total else 0,
                hold_s=total.max_hold_s if total else None,
                hold_range=ex.hold_s,
                per_side=ex.per_side,
                sides=tuple(ex.sides[i] for i in total.sides_done if i < len(ex.sides))
                if total
                else (),
                offered=total is not None,
                not_offered_why=why,
            )
        )
    for total in by_id.values():  # an exercise a former program had
        lines.append(
            ExerciseLine(
                exercise_id=total.exercise_id,
                name=total.exercise_id.replace("_", " ").capitalize(),
                phase=total.phase or "",
                easier_version_of=None,
                sessions=total.sessions,
                reps_planned=total.reps_planned,
                reps_done=total.reps_done,
                hold_s=total.max_hold_s,
                hold_range=(0, 0),
                per_side=bool(total.sides_done),
                sides=tuple(
                    translate("WeeklySummary", "side {number}").format(number=i + 1)
                    for i in total.sides_done
                ),
                offered=True,
            )
        )
    return tuple(lines)


def _gate(
    rules: R.Rules,
    window: FactsWindow,
    checks: Sequence[RedFlagCheck],
    clearances: Sequence[Clearance],
    read_at: datetime,
    start: date,
) -> GateSummary | None:
    """The gate at ``read_at``: its state and reasons, since when, and its changes in the week.

    ``gate_changes`` replays every check and clearance, so "since" is exact;
    the reasons at ``read_at`` depend only on the latest check and clearance,
    which is what ``evaluate_gate`` is given. None when the answer involves
    worsening pain and ``window`` is not the whole history (see ``facts_window``).
    """
    facts = window.facts
    checks, clearances = window.trim(checks), window.trim(clearances)
    changes = R.gate_changes(rules, facts, checks, clearances, until=read_at)
    latest = SafetyFacts(
        last_check=checks[-1] if checks else None,
        last_clearance=clearances[-1] if clearances else None,
    )
    if changes and changes[-1].open:  # the replay's last reading is at read_at: open, no reasons
        decision = R.GateDecision(True, (), None)
    else:
        decision = R.evaluate_gate(rules, facts, latest, read_at)
    in_week = [c for c in changes[1:] if c.at.date() >= start]
    if window.exact_from is not None and (
        FactsWindow.worsening_in(decision.reasons)
        or any(FactsWindow.worsening_in(c.reasons) for c in in_week)
    ):
        return None
    since = since_before = None
    if len(changes) > 1 and window.real_change(changes[-1].at):
        since = changes[-1].at
    elif window.exact_from is not None:
        since_before = window.exact_from
    return GateSummary(
        open=decision.open,
        since=since,
        reasons=decision.texts,
        changes=tuple(GateStep(c.at, c.open, tuple(r.text for r in c.reasons)) for c in in_week),
        since_before=since_before,
    )


def _safety(
    rules: R.Rules,
    checks: Sequence[RedFlagCheck],
    clearances: Sequence[Clearance],
    read_at: datetime,
) -> SafetyCheck:
    if not checks:
        return SafetyCheck(None, (), (), None, due=True)
    check = checks[-1]
    safety = load_safety()
    level_words = {
        "emergency": translate("WeeklySummary", "emergency"),
        "urgent": translate("WeeklySummary", "urgent"),
        "see_clinician": translate("WeeklySummary", "see a clinician first"),
    }
    labels, levels = [], []
    for n in check.ticked:
        try:
            labels.append(safety.flag(n).label)
            levels.append(level_words[safety.flag(n).level.value])
        except KeyError:
            labels.append(translate("WeeklySummary", "red flag {number}").format(number=n))
            levels.append("")
    cleared = [c for c in clearances if c.at >= check.at]
    age = read_at - check.at
    return SafetyCheck(
        at=check.at,
        ticked=check.ticked,
        flags=tuple(labels),
        cleared_at=cleared[-1].at if cleared else None,
        due=age >= timedelta(days=rules.red_flags.recheck_days),
        levels=tuple(levels),
        cleared_by=cleared[-1].who if cleared else "",
        cleared_on=cleared[-1].on if cleared else None,
    )


# ---------------------------------------------------------------- wording


def rating_text(value: float | None, empty: str = "-") -> str:
    """A rating or a mean as people read it: "4", "3.5" ("3,5"); ``empty`` for None."""
    if value is None:
        return empty
    return format_decimal(value)


def minutes_text(minutes: float) -> str:
    """ "42 min", "1 h 05 min"; whole minutes, rounded."""
    whole = round(minutes)
    if whole < 60:
        return translate("Duration", "{minutes} min").format(minutes=whole)
    return translate("Duration", "{hours} h {minutes} min").format(
        hours=whole // 60, minutes=f"{whole % 60:02d}"
    )


def short_day(day: date) -> str:
    """ "Mon 16 Nov" ("lun 16 nov")."""
    return format_date(day, "weekday_day_month")


def day_month(day: date) -> str:
    """ "16 Nov"."""
    return format_date(day, "day_month")


def long_date(day: date) -> str:
    """ "Monday 16 November 2026"."""
    return format_date(day, "long")


def cadence_text(cadence: str) -> str:
    """ "4-0-6-0" -> "in 4 s, out 6 s (6 breaths a minute)"; unknown text comes back as is."""
    try:
        inhale, hold_in, exhale, hold_out = (float(p) for p in cadence.split("-"))
    except ValueError:
        return cadence
    parts = [translate("Breathing", "in {seconds} s").format(seconds=format_decimal(inhale))]
    if hold_in:
        parts.append(
            translate("Breathing", "hold {seconds} s").format(seconds=format_decimal(hold_in))
        )
    parts.append(translate("Breathing", "out {seconds} s").format(seconds=format_decimal(exhale)))
    if hold_out:
        parts.append(
            translate("Breathing", "hold {seconds} s").format(seconds=format_decimal(hold_out))
        )
    pace = translate("Breathing", "{first}, {then}")
    text = parts[0]
    for part in parts[1:]:
        text = pace.format(first=text, then=part)
    total = inhale + hold_in + exhale + hold_out
    if total <= 0:
        return text
    return translate("Breathing", "{pace} ({rate} breaths a minute)").format(
        pace=text, rate=rating_text(60 / total)
    )
