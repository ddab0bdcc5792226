"""Qt objects that work for the window but draw no page: the session bridge (the
engine's changes as Qt signals, the one display timer), keeping the screen
awake (one back-end per platform in ``inhibitor/``), sound and voice cues, the
speech-dispatcher probe and the tray with its reminders.
"""
