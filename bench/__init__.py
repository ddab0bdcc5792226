"""Benchmarks for BackCompanion (``make bench`` runs ``python -m bench``).

Every figure a target names is a ratio against a baseline measured in the same
run, interleaved (A B A B ...), with the median over several runs, because the
machines are shared and noisy. Each measurement runs in a fresh child process
(``bench/probes`` for the app, ``bench/baselines`` for the bare PySide6 floor),
so RSS, CPU time and context switches belong to that measurement alone.

The run writes ``bench/results.json`` and ``bench/RESULTS.md``. Nothing here is
imported by the app or by the test suite's timing: ``tests/unit/test_bench_smoke.py``
only checks the pure helpers.
"""
