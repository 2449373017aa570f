"""Shard files (`run --shard K/N`), their merge, and sweeps appended (`neurosweep merge`), as Python reads them.

By hand, from the repository's root (see sweeps.py):

    ./neurosweep run multiply --grid x=0:100:1 --grid y=0:100:1 --out /tmp/big.h5
    ./neurosweep run multiply --grid x=0:100:1 --grid y=0:100:1 --shard 1/2 --out /tmp/big-1.h5   # and 2/2
    ./neurosweep merge /tmp/merged.h5 /tmp/big-1.h5 /tmp/big-2.h5
    ./neurosweep run multiply --seed 43 --grid x=5,6 --out /tmp/other.h5
    ./neurosweep merge /tmp/appended.h5 /tmp/m.h5 /tmp/other.h5
    NEUROSWEEP_TEST_BIG=/tmp/big.h5 NEUROSWEEP_TEST_SHARD=/tmp/big-1.h5 NEUROSWEEP_TEST_MERGED=/tmp/merged.h5 \\
    NEUROSWEEP_TEST_MULTIPLY=/tmp/m.h5 NEUROSWEEP_TEST_OTHER=/tmp/other.h5 NEUROSWEEP_TEST_APPENDED=/tmp/appended.h5 \\
    /usr/bin/python3 -m unittest discover -s python/tests
"""

import unittest

import h5py
import numpy as np
import pandas as pd

from sweeps import check_consistent, given, neurosweep, root


class ShardsTest(unittest.TestCase):
    def setUp(self):
        self.big = given("NEUROSWEEP_TEST_BIG")
        self.shard = given("NEUROSWEEP_TEST_SHARD")
        self.merged = given("NEUROSWEEP_TEST_MERGED")

    def test_the_merged_shards_load_as_the_unsplit_sweep(self):
        whole = neurosweep.load(self.big)
        merged = neurosweep.load(self.merged)
        self.assertEqual(len(merged), 10_000)
        pd.testing.assert_frame_equal(whole, merged, check_like=False)
        self.assertEqual(merged.attrs["seed"], whole.attrs["seed"])
        for i in (0, 4095, 4096, 4999, 5000, 9999):
            self.assertEqual(neurosweep.run(self.merged, i), neurosweep.run(self.big, i), f"run {i}")
        with h5py.File(self.merged, "r") as f:
            overview = root(f)["overview"]
            self.assertIn("shard 1/2", overview.attrs["merged_from"])
            self.assertNotIn("shard", overview.attrs, "a merged file is a whole sweep")

    def test_a_shard_holds_its_runs_and_leaves_the_others_pending(self):
        df = neurosweep.load(self.shard)
        self.assertEqual(len(df), 10_000, "a shard's file has the whole sweep's run indices")
        with h5py.File(self.shard, "r") as f:
            overview = root(f)["overview"]
            first, last = int(overview.attrs["shard_first"]), int(overview.attrs["shard_last"])
        self.assertEqual(first, 0)
        self.assertTrue((df.status.iloc[first:last] == "completed").all())
        self.assertTrue((df.status.iloc[last:] == "pending").all())
        self.assertTrue(df.z.iloc[last:].isna().all())
        self.assertTrue((df.z.iloc[first:last] == df.x.iloc[first:last].astype("int64") * df.y.iloc[first:last]).all())


class AppendedTest(unittest.TestCase):
    def setUp(self):
        self.first = given("NEUROSWEEP_TEST_MULTIPLY")
        self.other = given("NEUROSWEEP_TEST_OTHER")
        self.appended = given("NEUROSWEEP_TEST_APPENDED")

    def test_the_second_sweeps_runs_follow_the_firsts(self):
        a = neurosweep.load(self.first)
        b = neurosweep.load(self.other)
        both = neurosweep.load(self.appended)
        self.assertEqual(len(both), len(a) + len(b))
        self.assertNotIn("y", b.columns, "the other sweep explored x only")
        b.insert(1, "y", np.int32(b.attrs["fixed"]["y"]))  # the merged file explores y: its value in each of b's runs
        expected = pd.concat([a, b], ignore_index=True)
        expected.index.name = "run"
        pd.testing.assert_frame_equal(both, expected)
        self.assertTrue((both.z == both.x.astype("int64") * both.y).all())
        with h5py.File(self.appended, "r") as f:
            merged_from = root(f)["overview"].attrs["merged_from"]
        self.assertIn("seed 42", merged_from)
        self.assertIn(f"seed 43, {len(b)} runs: now runs {len(a)}..{len(a) + len(b) - 1}", merged_from)

    def test_load_run_and_failures_agree(self):
        check_consistent(self, self.appended)


if __name__ == "__main__":
    unittest.main()
