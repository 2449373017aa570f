package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose result has no value (brunel for 5 ms: no neuron fires twice, so every CV is NaN): the runs
 * complete, the report notes the result instead of crashing, and plotting it is a clear error.
 */
class EmptyResultTest extends CliCase {
    @TempDir
    Path dir;

    @Test
    void aResultWithoutValuesIsNotedAndNotPlotted() throws Exception {
        Path file = dir.resolve("short.h5");
        assertEquals(0, run("run", "brunel", "--set", "scale=0.02", "--set", "t_sim=5", "--grid", "g=4,7", "--grid", "eta=1",
                "--out", file.toString()), err);
        Path report = dir.resolve("short-report");
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Not plotted, as no run has a value") && html.contains("cv_isi"), html);
        assertFalse(Files.exists(report.resolve("result-cv_isi.png")));
        assertTrue(Files.exists(report.resolve("result-rate_e.png")), "the other results are plotted");
        assertEquals(2, run("plot", file.toString(), "--x", "g", "--z", "cv_isi", "--out", dir.resolve("cv.png").toString()));
        assertTrue(err.contains("--z cv_isi: no run has a value"), err);
        assertFalse(Files.exists(dir.resolve("cv.png")));
    }
}
