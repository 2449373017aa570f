package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run brunel writes its report; plot, raster and report draw real PNGs from a stored sweep. */
class ReportCommandsTest extends CliCase {
    @TempDir
    Path dir;
    private Path file;


    @BeforeEach
    void sweep() {
        file = dir.resolve("small.h5");
        assertEquals(0, run("run", "brunel", "--set", "scale=0.05", "--set", "t_sim=100", "--grid", "g=4,7", "--grid", "eta=1,3",
                "--out", file.toString()), err);
        assertEquals(5, out.lines().count(), "a row per run: " + out);
    }

    private static BufferedImage png(Path p) throws Exception {
        assertTrue(Files.size(p) > 1000, p + " is not empty");
        BufferedImage image = ImageIO.read(p.toFile());
        assertNotNull(image, p + " is a PNG");
        return image;
    }

    @Test
    void runWritesTheReportNextToTheFile() throws Exception {
        Path report = dir.resolve("small-report");
        assertTrue(err.contains("report in " + report.resolve("index.html")), err);
        String html = Files.readString(report.resolve("index.html"));
        for (String image : new String[] {"result-rate_e.png", "result-cv_isi.png", "result-fano.png", "raster-run0.png", "raster-run3.png"}) {
            assertTrue(html.contains("src=\"" + image + "\""), image + " in index.html");
            png(report.resolve(image));
        }
        assertTrue(html.contains("<th>rate_e</th>") && html.contains("<td>7.0</td>"), "the run table");
    }

    @Test
    void plotDrawsAHeatmapOrALine() throws Exception {
        Path heat = dir.resolve("heat.png");
        assertEquals(0, run("plot", file.toString(), "--x", "g", "--y", "eta", "--z", "rate_e", "--out", heat.toString()), err);
        assertEquals("wrote " + heat, out.trim());
        assertEquals(720, png(heat).getWidth());
        assertEquals(2, run("plot", file.toString(), "--x", "g", "--y", "g", "--z", "rate_e", "--out", heat.toString()));
        assertTrue(err.contains("--x g and --y g are the same parameter"), err);
        Path line = dir.resolve("line.png");
        assertEquals(0, run("plot", file.toString(), "--x", "eta", "--z", "cv_isi", "--out", line.toString()), err);
        assertEquals(480, png(line).getHeight());
        assertEquals(2, run("plot", file.toString(), "--x", "g", "--z", "nope", "--out", line.toString()));
        assertTrue(err.contains("--z nope") && err.contains("rate_e"), err);
        assertEquals(2, run("plot", file.toString(), "--x", "C_m", "--z", "rate_e", "--out", line.toString()));
        assertEquals(2, run("plot", file.toString(), "--x", "g", "--z", "rate_e"));
        assertTrue(err.contains("--out is required"), err);
    }

    @Test
    void rasterDrawsOneRun() throws Exception {
        Path raster = dir.resolve("r.png");
        assertEquals(0, run("raster", file.toString(), "--run", "2", "--out", raster.toString()), err);
        assertEquals("wrote " + raster, out.trim());
        assertEquals(900, png(raster).getWidth());
        assertEquals(2, run("raster", file.toString(), "--run", "2", "--out", dir.resolve("r.jpg").toString()));
        assertTrue(err.contains("r.jpg: give a file name ending in .png"), err);
        assertEquals(2, run("raster", file.toString(), "--run", "9", "--out", raster.toString()));
        assertTrue(err.contains("run 9 does not exist"), err);
        Path multiply = dir.resolve("m.h5");
        assertEquals(0, run("run", "multiply", "-q", "--out", multiply.toString()));
        assertEquals(2, run("raster", multiply.toString(), "--run", "0", "--out", raster.toString()));
        assertTrue(err.contains("stored no spikes"), err);
    }

    @Test
    void reportCommandWritesAnIndex() throws Exception {
        Path report = dir.resolve("again");
        assertEquals(0, run("report", file.toString(), "--out", report.toString()), err);
        assertTrue(out.contains("index.html"), out);
        assertTrue(Files.exists(report.resolve("index.html")));
    }
}
