"""pypet's first example as `neurosweep run multiply` stores it: z = x * y for every run."""

import unittest

import numpy as np

from sweeps import check_consistent, given, neurosweep


class MultiplyTest(unittest.TestCase):
    def setUp(self):
        self.path = given("NEUROSWEEP_TEST_MULTIPLY")

    def test_every_run_is_a_row_with_z_the_product_of_x_and_y(self):
        df = neurosweep.load(self.path)
        self.assertEqual(list(df.columns), ["x", "y", "status", "z"])
        self.assertTrue((df.status == "completed").all())
        self.assertEqual(df.x.dtype, np.int32, "int parameters stay int")
        self.assertEqual(df.z.dtype.name, "Int64", "long results stay integers (nullable)")
        self.assertTrue((df.z == df.x.astype("int64") * df.y).all())
        self.assertEqual(df.attrs["name"], "multiply")
        self.assertEqual(df.attrs["seed"], 42)
        self.assertEqual(df.attrs["comments"]["z"], "the product x * y")
        self.assertEqual(df.attrs["fixed"], {})

    def test_one_run(self):
        r = neurosweep.run(self.path, 3)
        self.assertEqual(r["status"], "completed")
        self.assertEqual(r["z"], r["x"] * r["y"])
        self.assertIsInstance(r["z"], int)

    def test_a_run_that_does_not_exist_is_refused_with_the_valid_range(self):
        n = len(neurosweep.load(self.path))
        for bad in (n, -1):
            with self.assertRaises(ValueError) as e:
                neurosweep.run(self.path, bad)
            self.assertIn(f"run {bad} does not exist", str(e.exception))
            self.assertIn(f"its runs are 0..{n - 1}", str(e.exception))
        with self.assertRaises(TypeError):
            neurosweep.run(self.path, "3")

    def test_no_failures(self):
        fails = neurosweep.failures(self.path)
        self.assertEqual(len(fails), 0)
        self.assertEqual(list(fails.columns), ["x", "y", "error"])

    def test_load_run_and_failures_agree(self):
        check_consistent(self, self.path)


if __name__ == "__main__":
    unittest.main()
