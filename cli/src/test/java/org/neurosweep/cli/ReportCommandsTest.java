package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** run brunel writes its report; plot, raster and report draw real SVGs and PNGs from a stored sweep. */
class ReportCommandsTest extends CliCase {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void sweep() {
        file = dir.resolve("small.h5");
        assertEquals(0, run("run", "brunel", "--set", "scale=0.05", "--set", "t_sim=200", "--grid", "g=4,7", "--grid", "eta=1,3",
                "--out", file.toString()), err);
        assertEquals(5, out.lines().count(), "a row per run: " + out);
    }

    private static BufferedImage png(Path p) throws Exception {
        assertTrue(Files.size(p) > 1000, p + " is not empty");
        BufferedImage image = ImageIO.read(p.toFile());
        assertNotNull(image, p + " is a PNG");
        return image;
    }

    /** The SVG's root element, parsed as XML. */
    private static Element svg(Path p) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(p.toFile()).getDocumentElement();
        assertEquals("svg", root.getTagName(), p.toString());
        return root;
    }

    @Test
    void runWritesTheReportNextToTheFile() throws Exception {
        Path report = dir.resolve("small-report");
        assertTrue(err.contains("report in " + report.resolve("index.html")), err);
        String html = Files.readString(report.resolve("index.html"));
        for (String image : new String[] {"phase-regime.svg", "result-rate_e.svg", "result-cv_isi.svg", "result-sync.svg",
            "result-coherence.svg"}) {
            assertTrue(html.contains("src=\"" + image + "\""), image + " in index.html");
            svg(report.resolve(image));
        }
        Matcher example = Pattern.compile("<h3>run (\\d+): [^<]* \\(regime = [^)]+\\) <a href=\"run-\\1.html\">").matcher(html);
        assertTrue(example.find(), "a run of each regime in detail: " + html);
        assertTrue(html.contains("src=\"run" + example.group(1) + "-raster.svg\""), "its raster");
        Matcher img = Pattern.compile("<img [^>]*>").matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
            assertTrue(img.group().matches(".* alt=\"[^\"]{10,}\".*"), "alt text: " + img.group());
        }
        assertTrue(images >= 8, images + " images");
        assertTrue(html.contains("<th>rate_e (Hz)</th>"), "units in the run table");
        assertTrue(html.contains("<td>sim.t_sim</td><td>200</td><td>ms</td><td>simulated time</td>"), "fixed parameters with units");
        assertTrue(html.contains("<a href=\"run-3.html\">3</a>"), "the run table links the run pages");
        for (int run = 0; run < 4; run++) {
            String page = Files.readString(report.resolve("run-" + run + ".html"));
            assertTrue(page.contains("run" + run + "-raster.svg") && page.contains("run" + run + "-spectrum.svg")
                    && page.contains("run" + run + "-isi.svg") && page.contains("run" + run + "-cv.svg"), page);
            assertEquals(900.0, Double.parseDouble(svg(report.resolve("run" + run + "-raster.svg")).getAttribute("width")));
        }
        String diagnostics = Files.readString(report.resolve("diagnostics.html"));
        assertTrue(diagnostics.contains("diagnostics.simulate_s"), diagnostics);
        assertTrue(!html.contains("diagnostics-"), "diagnostics are on their own page");
    }

    @Test
    void plotDrawsAHeatmapOrALine() throws Exception {
        Path heat = dir.resolve("heat.svg");
        assertEquals(0, run("plot", file.toString(), "--x", "g", "--y", "eta", "--z", "rate_e", "--out", heat.toString()), err);
        assertEquals("wrote " + heat, out.trim());
        Element root = svg(heat);
        assertEquals(720.0, Double.parseDouble(root.getAttribute("width")));
        assertTrue(Files.readString(heat).contains("rate_e (Hz)"), "the colour bar's label with the unit");
        Path heatPng = dir.resolve("heat.png");
        assertEquals(0, run("plot", file.toString(), "--x", "g", "--y", "eta", "--z", "rate_e", "--out", heatPng.toString()), err);
        assertEquals(2 * 720, png(heatPng).getWidth(), "twice the pixels");
        assertEquals(2, run("plot", file.toString(), "--x", "g", "--y", "g", "--z", "rate_e", "--out", heat.toString()));
        assertTrue(err.contains("--x g and --y g are the same parameter"), err);
        Path line = dir.resolve("line.png");
        assertEquals(0, run("plot", file.toString(), "--x", "eta", "--z", "cv_isi", "--out", line.toString()), err);
        assertEquals(2 * 480, png(line).getHeight());
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
        assertEquals(2 * 900, png(raster).getWidth());
        Path rasterSvg = dir.resolve("r.svg");
        assertEquals(0, run("raster", file.toString(), "--run", "2", "--out", rasterSvg.toString()), err);
        String text = Files.readString(rasterSvg);
        assertTrue(text.contains("run 2: g = 7, eta = 1"), "the same title as in the report");
        assertEquals(2, run("raster", file.toString(), "--run", "2", "--out", dir.resolve("r.jpg").toString()));
        assertTrue(err.contains("r.jpg: give a file name ending in .svg or .png"), err);
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
