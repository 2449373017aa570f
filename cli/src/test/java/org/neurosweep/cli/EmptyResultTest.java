package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose result has no value (brunel for 5 ms, all analysed: no neuron fires 3 times, so every CV is NaN): the runs
 * complete, the report notes the result instead of crashing, and plotting it is a clear error.
 */
class EmptyResultTest extends CliCase {
    @TempDir
    Path dir;

    @Test
    void aResultWithoutValuesIsNotedAndNotPlotted() throws Exception {
        Path file = dir.resolve("short.h5");
        assertEquals(0, run("run", "brunel", "--set", "scale=0.02", "--set", "t_sim=5", "--set", "transient=0", "--grid", "g=4,7", "--grid", "eta=1",
                "--out", file.toString()), err);
        Path report = dir.resolve("short-report");
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Not plotted, as no run has a value") && html.contains("cv_isi"), html);
        assertFalse(Files.exists(report.resolve("result-cv_isi.svg")));
        assertTrue(Files.exists(report.resolve("result-rate_e.svg")) || html.matches("(?s).*The same in every completed run: [^<]*rate_e = .*"),
                "the other results are plotted, or said to be the same in every run");
        assertEquals(2, run("plot", file.toString(), "--x", "g", "--z", "cv_isi", "--out", dir.resolve("cv.png").toString()));
        assertTrue(err.contains("--z cv_isi: no run has a value"), err);
        assertFalse(Files.exists(dir.resolve("cv.png")));
    }
}
