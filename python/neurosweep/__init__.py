"""neurosweep's sweep files in pandas.

    import neurosweep
    df = neurosweep.load("brunel.h5")           # one row per run: explored parameters, status, results
    df.attrs["units"], df.attrs["fixed"]        # units of the columns; the parameters not explored
    neurosweep.run("brunel.h5", 3)              # everything run 3 stored, per-run arrays included
    neurosweep.failures("brunel.h5")            # the failed runs with their errors

Needs h5py, pandas and numpy only (Debian: python3-h5py, python3-pandas). Reading a file while its sweep
runs is safe and disturbs nothing: FILE.h5 is replaced whole every second or so, never written in place.
"""

from ._file import NotATrajectoryError
from ._tables import failures, load, run

__all__ = ["load", "run", "failures", "NotATrajectoryError"]
