"""Files that are not neurosweep files are refused in one sentence naming the file and what it lacks;
a summary column's unit is read when the file has one."""

import os
import shutil
import tempfile
import unittest

import h5py

from sweeps import given, neurosweep, root


class NotASweepFileTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def refused(self, path, *expected):
        for read in (neurosweep.load, neurosweep.failures, lambda p: neurosweep.run(p, 0)):
            with self.assertRaises(ValueError) as e:
                read(path)
            for text in (path,) + expected:
                self.assertIn(text, str(e.exception))

    def test_a_text_file(self):
        path = os.path.join(self.dir, "notes.h5")
        with open(path, "w") as f:
            f.write("not HDF5\n")
        self.refused(path, "is not a neurosweep file: HDF5 cannot open it")

    def test_an_hdf5_file_of_something_else(self):
        path = os.path.join(self.dir, "other.h5")
        with h5py.File(path, "w") as f:
            f["data"] = [1, 2, 3]
            f.create_group("group").attrs["name"] = "x"
        self.refused(path, "no top-level group has the attribute neurosweep_format = neurosweep-trajectory")

    def test_a_trajectory_without_its_run_table(self):
        path = os.path.join(self.dir, "partial.h5")
        with h5py.File(path, "w") as f:
            g = f.create_group("t")
            g.attrs["neurosweep_format"] = "neurosweep-trajectory"
            g.attrs["format_version"] = 1
        self.refused(path, "lacks /t/overview")

    def test_a_newer_layout(self):
        path = os.path.join(self.dir, "newer.h5")
        with h5py.File(path, "w") as f:
            g = f.create_group("t")
            g.attrs["neurosweep_format"] = "neurosweep-trajectory"
            g.attrs["format_version"] = 3
        self.refused(path, "layout version 3")

    def test_a_directory_and_a_missing_file(self):
        self.refused(self.dir, "is a directory")
        with self.assertRaises(FileNotFoundError) as e:
            neurosweep.load(os.path.join(self.dir, "none.h5"))
        self.assertIn("none.h5 does not exist", str(e.exception))


class SummaryUnitTest(unittest.TestCase):
    def test_the_unit_attribute_of_a_summary_column_is_read(self):
        with tempfile.TemporaryDirectory() as d:
            copy = shutil.copy(given("NEUROSWEEP_TEST_MULTIPLY"), os.path.join(d, "m.h5"))
            self.assertNotIn("z", neurosweep.load(copy).attrs["units"])
            with h5py.File(copy, "r+") as f:
                root(f)["results/summary/z"].attrs["unit"] = "m^2"
            self.assertEqual(neurosweep.load(copy).attrs["units"], {"z": "m^2"})


if __name__ == "__main__":
    unittest.main()
