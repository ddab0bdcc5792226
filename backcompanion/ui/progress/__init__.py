"""The progress page: the pain trend chart, the session calendar and the cards
that explain the gate, all drawn from report.progress's numbers.
"""
