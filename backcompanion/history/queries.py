"""Every statement the store runs after the schema exists, in one place.

Named parameters throughout; callers name a session by its text ``id``, which
the statements turn into its integer ``key``. Day ranges are half-open text
ranges on ``sessions.day`` ('YYYY-MM-DD' sorts as it counts), so each query
walks the ``sessions_by_day`` index and then each child table's key range
``(session, ...)``. ``CROSS JOIN`` keeps SQLite to that order (sessions first)
before ``PRAGMA optimize`` has given it statistics: a new file, or ``simulate``
writing years in one connection, would otherwise scan a child table whole.
Times within a session are stored in whole milliseconds and read back in
seconds (``t_ms / 1000.0``).
"""

# --- writing the engine's records -----------------------------------------------------

INSERT_SESSION = """
INSERT INTO sessions (id, started_at, started_ts, day, gate_open, gate_reasons, cadence, plan)
VALUES (:id, :started_at, :started_ts, :day, :gate_open, :gate_reasons, :cadence,
        (SELECT max(id) FROM plans))
"""

# Run before a record that names an exercise: its id gets a key the first time.
ADD_EXERCISE_ID = "INSERT INTO exercise_ids (id) VALUES (:exercise_id) ON CONFLICT (id) DO NOTHING"

# A child row is inserted from its session's row, so a record for a session that does
# not exist inserts nothing (the store refuses it); ``seq`` is the next in the session.
_FROM_SESSION = "FROM sessions AS s WHERE s.id = :session_id"
_EXERCISE_KEY = "(SELECT key FROM exercise_ids WHERE id = :exercise_id)"


def _next_seq(table: str) -> str:
    return f"coalesce((SELECT max(seq) FROM {table} WHERE session = s.key), 0) + 1"


# A check-in answered again (the user went back) replaces the earlier answer.
UPSERT_CHECK_IN = f"""
INSERT INTO check_ins (session, kind, t_ms, rating, note)
SELECT s.key, :kind, :t_ms, :rating, :note {_FROM_SESSION}
ON CONFLICT (session, kind) DO UPDATE
SET t_ms = excluded.t_ms, rating = excluded.rating, note = excluded.note
"""

INSERT_BREATHING = f"""
INSERT INTO breathing (session, seq, t_ms, breaths, seconds, cadence)
SELECT s.key, {_next_seq("breathing")}, :t_ms, :breaths, :seconds, :cadence {_FROM_SESSION}
"""

INSERT_REPEAT = f"""
INSERT INTO repeats (session, seq, t_ms, exercise, side, rep, hold_s, held_ms)
SELECT s.key, {_next_seq("repeats")}, :t_ms, {_EXERCISE_KEY}, :side, :rep, :hold_s, :held_ms
{_FROM_SESSION}
"""

# An exercise ended again in the same session (the user went back) replaces its
# earlier end, so a session's totals count each exercise once; it keeps its place
# (seq) among the session's exercises.
UPSERT_EXERCISE = f"""
INSERT INTO exercises
    (session, exercise, seq, t_ms, phase, outcome, reps_planned, reps_done, hold_s)
SELECT s.key, {_EXERCISE_KEY}, {_next_seq("exercises")}, :t_ms, :phase, :outcome,
       :reps_planned, :reps_done, :hold_s
{_FROM_SESSION}
ON CONFLICT (session, exercise) DO UPDATE
SET t_ms = excluded.t_ms, phase = excluded.phase, outcome = excluded.outcome,
    reps_planned = excluded.reps_planned, reps_done = excluded.reps_done,
    hold_s = excluded.hold_s
"""

INSERT_EFFORT = f"""
INSERT INTO efforts (session, seq, t_ms, exercise, effort)
SELECT s.key, {_next_seq("efforts")}, :t_ms, {_EXERCISE_KEY}, :effort {_FROM_SESSION}
"""

INSERT_PAIN_REPORT = f"""
INSERT INTO pain_reports (session, seq, t_ms, exercise, rating)
SELECT s.key, {_next_seq("pain_reports")}, :t_ms, {_EXERCISE_KEY}, :rating {_FROM_SESSION}
"""

INSERT_GATE_EVENT = f"""
INSERT INTO gate_events (session, seq, t_ms, open, reasons)
SELECT s.key, {_next_seq("gate_events")}, :t_ms, :open, :reasons {_FROM_SESSION}
"""

SESSION_STARTED_AT = "SELECT started_at FROM sessions WHERE id = :id"

END_SESSION = """
UPDATE sessions SET status = :status, ended_at = :ended_at, active_s = :active_s
WHERE id = :id
"""

_KEY = "(SELECT key FROM sessions WHERE id = :id)"

# The latest active time (seconds) any record of the session reached.
_LAST_T = f"""
SELECT MAX(t_ms) / 1000.0 FROM (
    SELECT MAX(t_ms) AS t_ms FROM check_ins WHERE session = {_KEY}
    UNION ALL SELECT MAX(t_ms) FROM breathing WHERE session = {_KEY}
    UNION ALL SELECT MAX(t_ms) FROM repeats WHERE session = {_KEY}
    UNION ALL SELECT MAX(t_ms) FROM exercises WHERE session = {_KEY}
    UNION ALL SELECT MAX(t_ms) FROM efforts WHERE session = {_KEY}
    UNION ALL SELECT MAX(t_ms) FROM pain_reports WHERE session = {_KEY}
    UNION ALL SELECT MAX(t_ms) FROM gate_events WHERE session = {_KEY}
)
"""

CLOSE_AS_PARTIAL = f"""
UPDATE sessions
SET status = 'partial', ended_at = :ended_at, active_s = coalesce(({_LAST_T}), 0)
WHERE id = :id AND status = 'open'
"""

MARK_RESUMED = "UPDATE sessions SET resumed = resumed + 1 WHERE id = :id AND status = 'open'"

# --- safety answers -------------------------------------------------------------------

INSERT_RED_FLAG_CHECK = (
    "INSERT INTO red_flag_checks (at, at_ts, ticked, kind) VALUES (:at, :at_ts, :ticked, :kind)"
)
RED_FLAG_CHECKS = "SELECT at, ticked, kind FROM red_flag_checks ORDER BY at_ts, id"
LAST_RED_FLAG_CHECK = (
    "SELECT at, ticked, kind FROM red_flag_checks WHERE kind = 'weekly' "
    "ORDER BY at_ts DESC, id DESC LIMIT 1"
)
# every check (weekly and daily) since a time: the emergency and urgent flags of today
RED_FLAG_CHECKS_SINCE = (
    "SELECT at, ticked, kind FROM red_flag_checks WHERE at_ts >= :since ORDER BY at_ts, id"
)

# the weekly checks' answers before the last clearance: what a clinician has cleared
CLEARED_FLAGS = (
    "SELECT ticked FROM red_flag_checks WHERE kind = 'weekly' AND ticked != '' "
    "AND at_ts <= (SELECT max(at_ts) FROM clearances)"
)
INSERT_CLEARANCE = (
    "INSERT INTO clearances (at, at_ts, note, who, cleared_on) "
    "VALUES (:at, :at_ts, :note, :who, :cleared_on)"
)
CLEARANCES = "SELECT at, note, who, cleared_on FROM clearances ORDER BY at_ts, id"
LAST_CLEARANCE = (
    "SELECT at, note, who, cleared_on FROM clearances ORDER BY at_ts DESC, id DESC LIMIT 1"
)

INSERT_NUDGE_DISMISSAL = "INSERT INTO nudge_dismissals (at, at_ts) VALUES (:at, :at_ts)"
LAST_NUDGE_DISMISSAL = "SELECT at FROM nudge_dismissals ORDER BY at_ts DESC, id DESC LIMIT 1"

# --- the facts the rules read ---------------------------------------------------------

# One row per session since :since, each child table aggregated once for the
# whole range (never one query per session). max_pain takes every rating of
# the session: both check-ins and the "this hurts" reports.
SESSION_FACTS = """
WITH picked AS (
    SELECT key, id, started_at, started_ts, status FROM sessions WHERE day >= :since
),
stretch AS (
    SELECT session, SUM(reps_planned) AS planned, SUM(reps_done) AS done
    FROM exercises
    WHERE phase = 'stretch' AND session IN (SELECT key FROM picked)
    GROUP BY session
),
ratings AS (
    SELECT session, MAX(rating) AS max_pain FROM (
        SELECT session, rating FROM check_ins
        WHERE session IN (SELECT key FROM picked)
        UNION ALL
        SELECT session, rating FROM pain_reports
        WHERE rating IS NOT NULL AND session IN (SELECT key FROM picked)
    )
    GROUP BY session
),
hurt AS (
    SELECT session FROM pain_reports WHERE session IN (SELECT key FROM picked)
    UNION
    SELECT session FROM efforts
    WHERE effort = 'painful' AND session IN (SELECT key FROM picked)
    UNION
    SELECT session FROM exercises
    WHERE outcome = 'hurt' AND session IN (SELECT key FROM picked)
)
SELECT p.id, p.started_at, p.status, b.rating, a.rating,
       coalesce(s.planned, 0), coalesce(s.done, 0), r.max_pain,
       p.key IN (SELECT session FROM hurt)
FROM picked AS p
LEFT JOIN check_ins AS b ON b.session = p.key AND b.kind = 'before'
LEFT JOIN check_ins AS a ON a.session = p.key AND a.kind = 'after'
LEFT JOIN stretch AS s ON s.session = p.key
LEFT JOIN ratings AS r ON r.session = p.key
ORDER BY p.started_ts
"""

# The hold each exercise was offered at, with its repeats planned and done (the hold
# rule grows a hold only from an exercise done); locked exercises were not offered.
SESSION_HOLDS = """
SELECT s.id, x.id, e.hold_s, e.reps_planned, e.reps_done
FROM sessions AS s
CROSS JOIN exercises AS e ON e.session = s.key
CROSS JOIN exercise_ids AS x ON x.key = e.exercise
WHERE s.day >= :since AND e.outcome <> 'locked'
"""

# Every "this hurts" of the sessions since :since, with its exercise and its
# rating (NULL: ended without a number, counted as too much), in order.
SESSION_HURTS = """
SELECT s.id, x.id, p.rating
FROM sessions AS s
CROSS JOIN pain_reports AS p ON p.session = s.key
CROSS JOIN exercise_ids AS x ON x.key = p.exercise
WHERE s.day >= :since
ORDER BY s.started_ts, p.seq
"""

# --- an interrupted session -----------------------------------------------------------

NEWEST_OPEN_SESSION = """
SELECT id, started_at, gate_open, gate_reasons, cadence FROM sessions
WHERE status = 'open' ORDER BY started_ts DESC LIMIT 1
"""

RESUME_STATE = f"""
SELECT EXISTS (SELECT 1 FROM check_ins WHERE session = {_KEY} AND kind = 'before'),
       EXISTS (SELECT 1 FROM breathing WHERE session = {_KEY}),
       coalesce(({_LAST_T}), 0)
"""

# As the engine recorded it: the fields of ``RepeatDone``, in order.
LAST_REPEAT = """
SELECT s.id, r.t_ms / 1000.0, x.id, r.side, r.rep, r.hold_s, r.held_ms / 1000.0
FROM sessions AS s
CROSS JOIN repeats AS r ON r.session = s.key
CROSS JOIN exercise_ids AS x ON x.key = r.exercise
WHERE s.id = :id ORDER BY r.seq DESC LIMIT 1
"""

ENDED_EXERCISES = """
SELECT x.id FROM sessions AS s
CROSS JOIN exercises AS e ON e.session = s.key
CROSS JOIN exercise_ids AS x ON x.key = e.exercise
WHERE s.id = :id ORDER BY e.t_ms, e.seq
"""

# --- the weekly report: half-open day ranges [:start, :end) ---------------------------

SESSIONS_BETWEEN = """
SELECT s.id, s.started_at, s.day, s.status, s.ended_at, s.active_s,
       b.rating, b.note, a.rating, a.note,
       s.gate_open, s.gate_reasons, s.cadence, s.resumed
FROM sessions AS s
LEFT JOIN check_ins AS b ON b.session = s.key AND b.kind = 'before'
LEFT JOIN check_ins AS a ON a.session = s.key AND a.kind = 'after'
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts
"""

_KEYS_BETWEEN = "(SELECT key FROM sessions WHERE day >= :start AND day < :end)"

EXERCISE_TOTALS_BETWEEN = f"""
SELECT x.id, MAX(e.phase), COUNT(*), SUM(e.reps_planned), SUM(e.reps_done)
FROM exercises AS e JOIN exercise_ids AS x ON x.key = e.exercise
WHERE e.outcome <> 'locked' AND e.session IN {_KEYS_BETWEEN}
GROUP BY x.id
ORDER BY x.id
"""

# Each exercise's end in each session, as ``session.completion`` counts them.
SESSION_EXERCISES_BETWEEN = """
SELECT s.id, x.id, e.outcome, e.reps_planned, e.reps_done
FROM sessions AS s
CROSS JOIN exercises AS e ON e.session = s.key
CROSS JOIN exercise_ids AS x ON x.key = e.exercise
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, e.t_ms, e.seq
"""

REPEAT_TOTALS_BETWEEN = f"""
SELECT x.id, r.side, MAX(r.hold_s)
FROM repeats AS r JOIN exercise_ids AS x ON x.key = r.exercise
WHERE r.session IN {_KEYS_BETWEEN}
GROUP BY x.id, r.side
"""

BREATHING_BETWEEN = """
SELECT s.id, s.day, b.t_ms / 1000.0, b.breaths, b.seconds, b.cadence
FROM sessions AS s CROSS JOIN breathing AS b ON b.session = s.key
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, b.t_ms, b.seq
"""

GATE_EVENTS_BETWEEN = """
SELECT s.id, s.day, s.started_at, g.t_ms / 1000.0, g.open, g.reasons
FROM sessions AS s CROSS JOIN gate_events AS g ON g.session = s.key
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, g.t_ms, g.seq
"""

FIRST_SESSION_DAY = "SELECT MIN(day) FROM sessions"

# --- opening a file -------------------------------------------------------------------

QUICK_CHECK = "PRAGMA quick_check"
LATEST_SESSION_TS = "SELECT max(started_ts) FROM sessions"
USER_VERSION = "PRAGMA user_version"
APPLICATION_ID = "PRAGMA application_id"
# Every exercise of every session, in the order they happened (the CSV export).
EVERY_EXERCISE = """
SELECT s.id, x.id, e.outcome, e.reps_planned, e.reps_done, e.hold_s
FROM exercises AS e JOIN sessions AS s ON s.key = e.session
JOIN exercise_ids AS x ON x.key = e.exercise
ORDER BY s.started_ts, e.t_ms, e.seq
"""
HAS_TABLES = "SELECT EXISTS (SELECT 1 FROM sqlite_master)"
OPTIMIZE = "PRAGMA optimize"

# --- the home screen, the plan and the done screen read a bounded window --------------

LATEST_SESSION_START = "SELECT started_at FROM sessions ORDER BY started_ts DESC LIMIT 1"
SESSIONS_ENDED_COUNT = (
    "SELECT COUNT(*) FROM sessions WHERE status IN ('done', 'stopped', 'partial')"
)
# Sessions complete by ``session.completion``'s rule: ended with the closing check-in
# and at least :share of the planned repeats done (locked exercises and ones swapped
# for their easier version left out). One pass over the exercises table in its key
# order (session first), about 10 ms for ten years of daily sessions.
COMPLETE_SESSIONS_COUNT = """
SELECT COUNT(*) FROM (
    SELECT e.session AS session FROM exercises AS e
    WHERE e.outcome NOT IN ('locked', 'easier')
    GROUP BY e.session
    HAVING SUM(e.reps_planned) > 0
       AND SUM(min(e.reps_done, e.reps_planned)) + 1e-9 >= :share * SUM(e.reps_planned)
) AS x
JOIN sessions AS s ON s.key = x.session
WHERE s.status = 'done'
"""
SESSION_DAY_AND_TS = "SELECT day, started_ts FROM sessions WHERE id = :id"
# The newest session started before :ts that has an opening rating (any status).
PREVIOUS_RATED = """
SELECT s.id, s.started_at, s.status, b.rating FROM sessions AS s
JOIN check_ins AS b ON b.session = s.key AND b.kind = 'before'
WHERE s.started_ts < :ts AND b.rating IS NOT NULL
ORDER BY s.started_ts DESC LIMIT 1
"""
# Whether an exercise was offered (not locked) in any session before :start.
OFFERED_BEFORE = """
SELECT EXISTS (
    SELECT 1 FROM exercises AS e JOIN sessions AS s ON s.key = e.session
    WHERE e.exercise = (SELECT key FROM exercise_ids WHERE id = :exercise_id)
      AND e.outcome <> 'locked' AND s.day < :start
)
"""

# --- the therapist's plan, PSFS, leg pain (docs/ARCHITECTURE.md §13) ----------------------

INSERT_PLAN = "INSERT INTO plans (at, at_ts, source, body) VALUES (:at, :at_ts, :source, :body)"
PLANS = "SELECT id, at, source, body FROM plans ORDER BY id"
LATEST_PLANS = "SELECT id, at, source, body FROM plans ORDER BY id DESC LIMIT :n"
SESSION_PLANS_BETWEEN = """
SELECT id, plan FROM sessions WHERE day >= :start AND day < :end ORDER BY started_ts
"""
INSERT_PSFS_ROUND = "INSERT INTO psfs_rounds (at, at_ts) VALUES (:at, :at_ts)"
INSERT_PSFS_SCORE = """
INSERT INTO psfs_scores (round, position, activity, rating)
VALUES (:round, :position, :activity, :rating)
"""
PSFS_SCORES = """
SELECT r.id, r.at, s.position, s.activity, s.rating
FROM psfs_rounds AS r JOIN psfs_scores AS s ON s.round = r.id
ORDER BY r.at_ts, r.id, s.position
"""
UPSERT_LEG_PAIN = """
INSERT INTO leg_pain (session, kind, rating)
SELECT key, :kind, :rating FROM sessions WHERE id = :id
ON CONFLICT (session, kind) DO UPDATE SET rating = excluded.rating
"""
# Every "this hurts" press of the sessions started in the range, in the order pressed.
HURTS_BETWEEN = """
SELECT s.id, s.started_at, x.id, p.rating
FROM sessions AS s
CROSS JOIN pain_reports AS p ON p.session = s.key
CROSS JOIN exercise_ids AS x ON x.key = p.exercise
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, p.seq
"""

LEG_PAIN_BETWEEN = """
SELECT s.id, s.day, l.kind, l.rating
FROM sessions AS s CROSS JOIN leg_pain AS l ON l.session = s.key
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, l.kind DESC
"""
