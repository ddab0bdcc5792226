"""Drawn pieces with no business rules: the breathing pacer, the timer dial, the
exercise figure, one line of fitted text, plain labels and small controls
(key buttons, progress line, paused overlay). They import only the ui floor and the
plain-Python core, never a page.
"""
