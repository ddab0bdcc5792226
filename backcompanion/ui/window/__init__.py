"""The main window: it builds the pages, routes the session's snapshots to them,
turns keys into events, keeps the records written, and owns the menus and the
close/tray behaviour. The only part of ui/ that imports every other part.
"""
