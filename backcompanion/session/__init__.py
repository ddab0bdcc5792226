"""The session engine: state machine, timing, breathing cadence, progression and safety rules. No Qt."""
