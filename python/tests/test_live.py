"""Reading a sweep's file while the sweep writes it: the `busy` sample, still running, in
NEUROSWEEP_TEST_LIVE; NEUROSWEEP_TEST_LIVE_SEEN is how many runs the file held as completed just before."""

import math
import os
import time
import unittest

from sweeps import given, neurosweep


class LiveTest(unittest.TestCase):
    def setUp(self):
        self.path = given("NEUROSWEEP_TEST_LIVE")
        self.seen = int(os.environ.get("NEUROSWEEP_TEST_LIVE_SEEN", "0"))

    def check(self, df):
        counts = df.status.value_counts()
        self.assertEqual(counts["running"] + counts["failed"], 0, counts)
        for column in ("final", "mean"):  # a result's column appears with the first run that stores it
            if column not in df:
                self.assertEqual(counts["completed"], 0, f"no {column} column, yet runs completed")
                continue
            done = df.loc[df.status == "completed", column]
            self.assertTrue(((done > 0) & (done < 1)).all(), f"{column} of completed runs: values of the map")
            self.assertTrue(df.loc[df.status == "pending", column].isna().all(), f"{column} of pending runs: NaN")
        return counts["completed"]

    def test_load_while_the_sweep_writes_shows_the_runs_stored_so_far(self):
        df = neurosweep.load(self.path)
        first = self.check(df)
        self.assertGreaterEqual(first, self.seen)
        self.assertGreater((df.status == "pending").sum(), 0, "the sweep was still running when it was read")
        print(f"\nlive: {len(df)} runs, {first} completed, {(df.status == 'pending').sum()} pending", flush=True)
        # read again until a later publication shows more runs: each read is one whole publication
        deadline = time.monotonic() + 120
        while True:
            later = self.check(neurosweep.load(self.path))
            self.assertGreaterEqual(later, first, "a later publication never shows fewer runs")
            if later > first or time.monotonic() > deadline:
                break
            time.sleep(0.1)  # between polls
        self.assertGreater(later, first, "the sweep published more runs within 120 s")

    def test_one_run_and_failures_while_the_sweep_writes(self):
        r = neurosweep.run(self.path, 0)
        self.assertIn(r["status"], ("pending", "completed"))
        if r["status"] == "completed":
            self.assertTrue(0 < r["final"] < 1)
        last = neurosweep.run(self.path, len(neurosweep.load(self.path)) - 1)
        self.assertTrue(last["status"] == "completed" or "final" not in last)
        self.assertEqual(len(neurosweep.failures(self.path)), 0)

    def test_the_live_file_itself_is_refused_with_the_file_to_read(self):
        with self.assertRaises(ValueError) as e:
            neurosweep.load(self.path + ".live")
        self.assertIn(f"read {self.path},", str(e.exception))


if __name__ == "__main__":
    unittest.main()
