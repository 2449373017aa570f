"""What the tests share: the files under test (named by environment variables) and the checks that hold
for every neurosweep file.

The files are written by neurosweep's Java code; cli's PythonPackageTest writes them and runs these
tests. By hand, from the repository's root:

    ./neurosweep run multiply --grid x=1,2,3 --grid y=0:4:1 --out /tmp/m.h5
    NEUROSWEEP_TEST_MULTIPLY=/tmp/m.h5 /usr/bin/python3 -m unittest discover -s python/tests

A test whose file is not given is skipped.
"""

import os
import sys
import unittest

import h5py
import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import neurosweep  # noqa: E402  (the package in python/, whatever the current directory)

def given(variable):
    """The file named by an environment variable, or a skip of the test when it is not set."""
    path = os.environ.get(variable)
    if not path:
        raise unittest.SkipTest(f"{variable} is not set (see python/tests/sweeps.py)")
    return path


def root(f):
    """The trajectory's group of an open h5py file (read independently of the package)."""
    return next(g for g in f.values() if g.attrs.get("neurosweep_format") == "neurosweep-trajectory")


def same(a, b):
    """Equality where a missing value (NaN, None, <NA>) equals any other missing value."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a), np.asarray(b))
    if pd.isna(a) or pd.isna(b):
        return pd.isna(a) and pd.isna(b)
    return a == b


def check_consistent(test, path):
    """load, run and failures agree with each other and with the file as h5py reads it. The file must not
    change meanwhile (a finished sweep)."""
    df = neurosweep.load(path)
    with h5py.File(path, "r") as f:
        t = root(f)
        status = t["overview/runs/status"]
        test.assertEqual(list(df.status.cat.categories), status.attrs["labels"].split(","))
        test.assertEqual(list(df.status.cat.codes), list(status[()]))
        test.assertEqual(list(df.index), list(range(status.shape[0])))
        test.assertEqual(df.index.name, "run")
        completed = status[()] == 2
        for branch in ("results", "derived_parameters"):
            for name, ds in t.get(branch + "/summary", {}).items():
                column = branch + "." + name if branch + "." + name in df.columns else name
                raw = ds[()][~completed]
                kind = ds.attrs["type"]
                # what the file holds where runs are not completed: the fill values of the layout ...
                if kind == "double":
                    test.assertTrue(np.isnan(raw).all(), f"{name}: NaN as fill value: {raw}")
                elif kind == "string":
                    test.assertTrue(all(v in (b"", "") for v in raw), f'{name}: "" as fill value: {raw}')
                else:
                    test.assertTrue((raw == 0).all(), f"{name}: 0 as fill value: {raw}")
                # ... which load shows as missing, not as data
                test.assertTrue(df.loc[~completed, column].isna().all(), f"{column} of runs not completed is missing")
    for i in df.index:
        r = neurosweep.run(path, i)
        test.assertEqual(r["run"], i)
        test.assertEqual(r["status"], df.status[i])
        for column in df.columns:
            if df.status[i] == "completed" or column == "status" or column in explored_columns(df):
                test.assertIn(column, r, f"run {i}")
                test.assertTrue(same(r[column], df.at[i, column]),
                                f"run {i}, {column}: {r[column]!r} != {df.at[i, column]!r}")
            else:
                test.assertNotIn(column, r, f"run {i} is {r['status']}: it stored no {column}")
        test.assertEqual("error" in r, df.status[i] == "failed")
    fails = neurosweep.failures(path)
    test.assertEqual(list(fails.index), list(df.index[df.status == "failed"]))
    test.assertEqual(fails.index.name, "run")
    for column in explored_columns(df):
        test.assertEqual(list(fails[column]), list(df.loc[fails.index, column]))
    for i in fails.index:
        test.assertEqual(fails.at[i, "error"], neurosweep.run(path, i)["error"])
        test.assertTrue(fails.at[i, "error"])
    return df


def explored_columns(df):
    """The explored columns of a loaded frame: those before status."""
    return list(df.columns[:list(df.columns).index("status")])
