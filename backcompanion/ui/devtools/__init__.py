"""Tools for the people who build BackCompanion, not for its users:
``backcompanion screenshots`` renders every main screen to PNG.
"""
