"""A sweep that stores every value type, per-run arrays, derived parameters and failing runs: the source
MIXED in cli/src/test/java/org/neurosweep/cli/PythonPackageTest.java, whose facts are repeated here.

Explored: neuron.tau_m in (5.0, 20.0) ms, I_e in (100, 200, 300, 400) pA, plastic in (false, true), the
last changing fastest: run = 8 * t + 2 * k + p. Runs with I_e = 400 fail (runs 6, 7, 14, 15).
"""

import math
import unittest

import numpy as np

from sweeps import check_consistent, given, neurosweep

FAILED = [6, 7, 14, 15]


def explored(i):
    return {"neuron.tau_m": (5.0, 20.0)[i // 8], "I_e": 100 * (i // 2 % 4 + 1), "plastic": bool(i % 2)}


class MixedTest(unittest.TestCase):
    def setUp(self):
        self.path = given("NEUROSWEEP_TEST_MIXED")

    def test_columns_types_and_values(self):
        df = neurosweep.load(self.path)
        # tau_m is not unique in the tree (synapse.tau_m): the explored column is named by its path
        self.assertEqual(list(df.columns), ["neuron.tau_m", "I_e", "plastic", "status", "rate", "spikes", "total",
                                            "fired", "label", "weight_change", "v_inf", "derived_parameters.rate"])
        self.assertEqual([str(t) for t in df.dtypes],
                         ["float64", "int32", "bool", "category", "float64", "Int32", "Int64", "boolean", "object",
                          "float64", "float64", "float64"])
        self.assertEqual(list(df.index[df.status == "failed"]), FAILED)
        self.assertEqual(list(df.status.cat.categories), ["pending", "running", "completed", "failed"])
        for i in df.index:
            e = explored(i)
            row = df.loc[i]
            self.assertEqual((row["neuron.tau_m"], row["I_e"], row["plastic"]), tuple(e.values()))
            if i in FAILED:
                self.assertTrue(row[4:].isna().all(), f"run {i} failed: no results, not fill values: {row}")
                continue
            self.assertEqual(row["rate"], e["neuron.tau_m"] * e["I_e"] / 100.0)
            self.assertEqual(row["spikes"], e["I_e"] // 10)
            self.assertEqual(row["total"], e["I_e"] << 33)
            self.assertEqual(row["fired"], e["I_e"] > 150)
            self.assertEqual(row["label"], f"run {i} é")
            self.assertEqual(row["v_inf"], e["neuron.tau_m"] * e["I_e"] / 250.0)
            self.assertEqual(row["derived_parameters.rate"], -1.0)
            if e["plastic"]:
                self.assertEqual(row["weight_change"], 0.5)
            else:
                self.assertTrue(math.isnan(row["weight_change"]), "a result this completed run did not add")

    def test_units_comments_and_the_parameters_not_explored(self):
        attrs = neurosweep.load(self.path).attrs
        self.assertEqual(attrs["name"], "mixed")
        self.assertEqual(attrs["seed"], 7)
        self.assertEqual(attrs["units"], {"neuron.tau_m": "ms", "I_e": "pA", "rate": "Hz"})
        self.assertEqual(attrs["comments"]["rate"], "firing rate")
        self.assertEqual(attrs["comments"]["derived_parameters.rate"], "clashes with the result rate")
        self.assertEqual(attrs["comments"]["plastic"], "whether synapses learn")
        self.assertEqual(attrs["fixed"], {"synapse.tau_m": 2.0, "model": "iaf_psc_delta", "weights": [0.5, 1.5]})

    def test_a_completed_run_with_its_per_run_values(self):
        r = neurosweep.run(self.path, 13)  # tau_m 20, I_e 300, plastic
        self.assertEqual(r["status"], "completed")
        self.assertEqual(r["I_e"], 300)
        self.assertIs(r["plastic"], True)
        self.assertIs(r["fired"], True)
        self.assertEqual(r["label"], "run 13 é")
        np.testing.assert_array_equal(r["spikes.times"], [20.0, 40.0, 60.0])
        self.assertEqual(r["spikes.senders"].dtype, np.int32)
        np.testing.assert_array_equal(r["spikes.senders"], [1, 2, 300])
        self.assertEqual(r["note"], "note 13")
        self.assertIs(r["learned"], True)
        np.testing.assert_array_equal(r["trace"], [300.0, 20.0])
        self.assertEqual(r["derived_parameters.rate"], -1.0)
        self.assertNotIn("error", r)

    def test_a_failed_run_has_its_error_and_no_results(self):
        r = neurosweep.run(self.path, 6)
        self.assertEqual(r["status"], "failed")
        self.assertTrue(r["error"].startswith(
            "java.lang.IllegalStateException: I_e = 400 pA is refused\nsecond line\n\tat "), r["error"])
        self.assertNotIn("rate", r)
        self.assertNotIn("spikes.times", r)

    def test_failures(self):
        fails = neurosweep.failures(self.path)
        self.assertEqual(list(fails.index), FAILED)
        self.assertEqual(list(fails.columns), ["neuron.tau_m", "I_e", "plastic", "error"])
        self.assertEqual(list(fails.I_e), [400] * 4)
        self.assertEqual(list(fails.error.str.split("\n").str[0]),
                         ["java.lang.IllegalStateException: I_e = 400 pA is refused"] * 4)
        self.assertEqual(fails.attrs["units"]["I_e"], "pA")

    def test_load_run_and_failures_agree(self):
        check_consistent(self, self.path)


if __name__ == "__main__":
    unittest.main()
