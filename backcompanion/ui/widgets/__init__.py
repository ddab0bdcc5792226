"""Drawn pieces with no business rules: the breathing pacer, the timer dial, the
exercise illustration and small controls (key buttons, progress line, paused
cover). They import only the ui floor and the plain-Python core, never a page.
"""
