"""Widgets only: they observe the session engine and send it events."""
