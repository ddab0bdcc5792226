"""Child-process probes: each builds the real app (or part of it), measures one thing and
prints one ``BENCH {json}`` line. Run as ``python -m bench.probes.NAME`` (``app_start``
by path, like the bare baseline it is compared with)."""
