"""The weekly summary: the numbers (no Qt) and the PDF."""
