"""Windows that open over the main window and close again: settings (a shell over one
section per page, in ``settings/``), the weekly export and its file prompts, About, and
the confirmations whose safe choice is the default (``confirm.py``).
"""
