"""The session engine: state machine, timing, breathing cadence, progression and safety rules.

Plain Python: imports no Qt at all.
"""
