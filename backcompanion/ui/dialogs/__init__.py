"""Windows that open over the main window and close again: settings, the weekly
export and its file prompts, and the small confirmations.
"""
