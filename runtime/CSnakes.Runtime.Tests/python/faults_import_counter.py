"""Counts how often faults_slow_import's body runs (this module is imported once, first)."""
count = 0
