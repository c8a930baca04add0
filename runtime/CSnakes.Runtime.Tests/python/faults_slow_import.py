"""A module whose import is slow, so concurrent first uses overlap while it runs."""
import time

import faults_import_counter

faults_import_counter.count += 1
# Sleeping releases the GIL: other threads reach the import while this body is still running.
time.sleep(0.3)


def answer():
    return 42
