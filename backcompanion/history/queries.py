"""Every statement the store runs after the schema exists, in one place.

Named parameters throughout. Day ranges are half-open text ranges on
``sessions.day`` ('YYYY-MM-DD' sorts as it counts), so each query walks the
``sessions_by_day`` index and then each child table's ``session_id`` index.
"""

# --- writing the engine's records -----------------------------------------------------

INSERT_SESSION = """
INSERT INTO sessions (id, started_at, started_ts, day, gate_open, gate_reasons, cadence)
VALUES (:id, :started_at, :started_ts, :day, :gate_open, :gate_reasons, :cadence)
"""

# A check-in answered again (the user went back) replaces the earlier answer.
UPSERT_CHECK_IN = """
INSERT INTO check_ins (session_id, t, kind, rating, note)
VALUES (:session_id, :t, :kind, :rating, :note)
ON CONFLICT (session_id, kind) DO UPDATE
SET t = excluded.t, rating = excluded.rating, note = excluded.note
"""

INSERT_BREATHING = """
INSERT INTO breathing (session_id, t, breaths, seconds, cadence)
VALUES (:session_id, :t, :breaths, :seconds, :cadence)
"""

INSERT_REPEAT = """
INSERT INTO repeats (session_id, t, exercise_id, side, rep, hold_s, held_s)
VALUES (:session_id, :t, :exercise_id, :side, :rep, :hold_s, :held_s)
"""

# An exercise ended again in the same session (the user went back) replaces its
# earlier end, so a session's totals count each exercise once.
UPSERT_EXERCISE = """
INSERT INTO exercises
    (session_id, t, exercise_id, phase, outcome, reps_planned, reps_done, hold_s)
VALUES (:session_id, :t, :exercise_id, :phase, :outcome, :reps_planned, :reps_done, :hold_s)
ON CONFLICT (session_id, exercise_id) DO UPDATE
SET t = excluded.t, phase = excluded.phase, outcome = excluded.outcome,
    reps_planned = excluded.reps_planned, reps_done = excluded.reps_done,
    hold_s = excluded.hold_s
"""

INSERT_EFFORT = """
INSERT INTO efforts (session_id, t, exercise_id, effort)
VALUES (:session_id, :t, :exercise_id, :effort)
"""

INSERT_PAIN_REPORT = """
INSERT INTO pain_reports (session_id, t, exercise_id, rating)
VALUES (:session_id, :t, :exercise_id, :rating)
"""

INSERT_GATE_EVENT = """
INSERT INTO gate_events (session_id, t, open, reasons)
VALUES (:session_id, :t, :open, :reasons)
"""

END_SESSION = """
UPDATE sessions SET status = :status, ended_at = :ended_at, active_s = :active_s
WHERE id = :id
"""

# The latest active time any record of the session reached.
_LAST_T = """
SELECT MAX(t) FROM (
    SELECT MAX(t) AS t FROM check_ins WHERE session_id = :id
    UNION ALL SELECT MAX(t) FROM breathing WHERE session_id = :id
    UNION ALL SELECT MAX(t) FROM repeats WHERE session_id = :id
    UNION ALL SELECT MAX(t) FROM exercises WHERE session_id = :id
    UNION ALL SELECT MAX(t) FROM efforts WHERE session_id = :id
    UNION ALL SELECT MAX(t) FROM pain_reports WHERE session_id = :id
    UNION ALL SELECT MAX(t) FROM gate_events WHERE session_id = :id
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
    "INSERT INTO red_flag_checks (at, at_ts, ticked) VALUES (:at, :at_ts, :ticked)"
)
RED_FLAG_CHECKS = "SELECT at, ticked FROM red_flag_checks ORDER BY at_ts, id"
LAST_RED_FLAG_CHECK = "SELECT at, ticked FROM red_flag_checks ORDER BY at_ts DESC, id DESC LIMIT 1"

INSERT_CLEARANCE = "INSERT INTO clearances (at, at_ts, note) VALUES (:at, :at_ts, :note)"
CLEARANCES = "SELECT at, note FROM clearances ORDER BY at_ts, id"
LAST_CLEARANCE = "SELECT at, note FROM clearances ORDER BY at_ts DESC, id DESC LIMIT 1"

INSERT_NUDGE_DISMISSAL = "INSERT INTO nudge_dismissals (at, at_ts) VALUES (:at, :at_ts)"
LAST_NUDGE_DISMISSAL = "SELECT at FROM nudge_dismissals ORDER BY at_ts DESC, id DESC LIMIT 1"

# --- the facts the rules read ---------------------------------------------------------

# One row per session since :since, each child table aggregated once for the
# whole range (never one query per session). max_pain takes every rating of
# the session: both check-ins and the "this hurts" reports.
SESSION_FACTS = """
WITH picked AS (SELECT id, started_at, started_ts, status FROM sessions WHERE day >= :since),
stretch AS (
    SELECT session_id, SUM(reps_planned) AS planned, SUM(reps_done) AS done
    FROM exercises
    WHERE phase = 'stretch' AND session_id IN (SELECT id FROM picked)
    GROUP BY session_id
),
ratings AS (
    SELECT session_id, MAX(rating) AS max_pain FROM (
        SELECT session_id, rating FROM check_ins
        WHERE session_id IN (SELECT id FROM picked)
        UNION ALL
        SELECT session_id, rating FROM pain_reports
        WHERE rating IS NOT NULL AND session_id IN (SELECT id FROM picked)
    )
    GROUP BY session_id
),
hurt AS (
    SELECT session_id FROM pain_reports WHERE session_id IN (SELECT id FROM picked)
    UNION
    SELECT session_id FROM efforts
    WHERE effort = 'painful' AND session_id IN (SELECT id FROM picked)
    UNION
    SELECT session_id FROM exercises
    WHERE outcome = 'hurt' AND session_id IN (SELECT id FROM picked)
)
SELECT p.id, p.started_at, p.status, b.rating, a.rating,
       coalesce(s.planned, 0), coalesce(s.done, 0), r.max_pain,
       p.id IN (SELECT session_id FROM hurt)
FROM picked AS p
LEFT JOIN check_ins AS b ON b.session_id = p.id AND b.kind = 'before'
LEFT JOIN check_ins AS a ON a.session_id = p.id AND a.kind = 'after'
LEFT JOIN stretch AS s ON s.session_id = p.id
LEFT JOIN ratings AS r ON r.session_id = p.id
ORDER BY p.started_ts
"""

# The hold each exercise was offered at; locked exercises were not offered.
SESSION_HOLDS = """
SELECT session_id, exercise_id, hold_s FROM exercises
WHERE outcome <> 'locked'
  AND session_id IN (SELECT id FROM sessions WHERE day >= :since)
"""

# --- an interrupted session -----------------------------------------------------------

NEWEST_OPEN_SESSION = """
SELECT id, started_at, gate_open, gate_reasons, cadence FROM sessions
WHERE status = 'open' ORDER BY started_ts DESC LIMIT 1
"""

RESUME_STATE = f"""
SELECT EXISTS (SELECT 1 FROM check_ins WHERE session_id = :id AND kind = 'before'),
       EXISTS (SELECT 1 FROM breathing WHERE session_id = :id),
       coalesce(({_LAST_T}), 0)
"""

LAST_REPEAT = """
SELECT session_id, t, exercise_id, side, rep, hold_s, held_s FROM repeats
WHERE session_id = :id ORDER BY id DESC LIMIT 1
"""

ENDED_EXERCISES = "SELECT exercise_id FROM exercises WHERE session_id = :id ORDER BY t, id"

# --- the weekly report: half-open day ranges [:start, :end) ---------------------------

SESSIONS_BETWEEN = """
SELECT s.id, s.started_at, s.day, s.status, s.ended_at, s.active_s,
       b.rating, b.note, a.rating, a.note,
       s.gate_open, s.gate_reasons, s.cadence, s.resumed
FROM sessions AS s
LEFT JOIN check_ins AS b ON b.session_id = s.id AND b.kind = 'before'
LEFT JOIN check_ins AS a ON a.session_id = s.id AND a.kind = 'after'
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts
"""

EXERCISE_TOTALS_BETWEEN = """
SELECT exercise_id, MAX(phase), COUNT(*), SUM(reps_planned), SUM(reps_done)
FROM exercises
WHERE outcome <> 'locked'
  AND session_id IN (SELECT id FROM sessions WHERE day >= :start AND day < :end)
GROUP BY exercise_id
ORDER BY exercise_id
"""

REPEAT_TOTALS_BETWEEN = """
SELECT exercise_id, side, MAX(hold_s)
FROM repeats
WHERE session_id IN (SELECT id FROM sessions WHERE day >= :start AND day < :end)
GROUP BY exercise_id, side
"""

BREATHING_BETWEEN = """
SELECT b.session_id, s.day, b.t, b.breaths, b.seconds, b.cadence
FROM sessions AS s JOIN breathing AS b ON b.session_id = s.id
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, b.t, b.id
"""

GATE_EVENTS_BETWEEN = """
SELECT g.session_id, s.day, s.started_at, g.t, g.open, g.reasons
FROM sessions AS s JOIN gate_events AS g ON g.session_id = s.id
WHERE s.day >= :start AND s.day < :end
ORDER BY s.started_ts, g.t, g.id
"""

FIRST_SESSION_DAY = "SELECT MIN(day) FROM sessions"

# --- opening a file -------------------------------------------------------------------

QUICK_CHECK = "PRAGMA quick_check"
LATEST_SESSION_TS = "SELECT max(started_ts) FROM sessions"
USER_VERSION = "PRAGMA user_version"
APPLICATION_ID = "PRAGMA application_id"
HAS_TABLES = "SELECT EXISTS (SELECT 1 FROM sqlite_master)"
OPTIMIZE = "PRAGMA optimize"

# --- the home screen, the plan and the done screen read a bounded window --------------

LATEST_SESSION_START = "SELECT started_at FROM sessions ORDER BY started_ts DESC LIMIT 1"
SESSIONS_ENDED_COUNT = (
    "SELECT COUNT(*) FROM sessions WHERE status IN ('done', 'stopped', 'partial')"
)
SESSION_DAY_AND_TS = "SELECT day, started_ts FROM sessions WHERE id = :id"
# The newest session started before :ts that has an opening rating (any status).
PREVIOUS_RATED = """
SELECT s.id, s.started_at, s.status, b.rating FROM sessions AS s
JOIN check_ins AS b ON b.session_id = s.id AND b.kind = 'before'
WHERE s.started_ts < :ts AND b.rating IS NOT NULL
ORDER BY s.started_ts DESC LIMIT 1
"""
# Whether an exercise was offered (not locked) in any session before :start.
OFFERED_BEFORE = """
SELECT EXISTS (
    SELECT 1 FROM sessions AS s JOIN exercises AS e ON e.session_id = s.id
    WHERE s.day < :start AND e.exercise_id = :exercise_id AND e.outcome <> 'locked'
)
"""
