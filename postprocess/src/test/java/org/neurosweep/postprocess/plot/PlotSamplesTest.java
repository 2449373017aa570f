package org.neurosweep.postprocess.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes every sample figure as SVG and PNG into target/plot-samples/ (to look at), checking each one's
 * layout on the way.
 */
class PlotSamplesTest {
    static Map<String, Figure> samples() {
        Map<String, Figure> out = new LinkedHashMap<>();
        out.put("heatmap", Samples.heatmap());
        out.put("phase-diagram", Samples.phaseDiagram());
        out.put("line", Samples.line());
        out.put("raster", Samples.raster(20_000));
        out.put("raster-silent-group", Samples.rasterWithSilentGroup());
        out.put("isi", Samples.isi());
        out.put("cv", Samples.cv());
        out.put("spectrum", Samples.spectrum());
        out.put("stacked", Samples.stacked("The lower panel shows rate_e against g at the highest drive, on a log"
                + " axis because the rates span more than a factor of 50."));
        return out;
    }

    @Test
    void writesEverySampleAsSvgAndPng() throws Exception {
        Path dir = Path.of("target", "plot-samples");
        Files.createDirectories(dir);
        for (Map.Entry<String, Figure> e : samples().entrySet()) {
            Layouts.assertTidy(e.getValue());
            e.getValue().save(dir.resolve(e.getKey() + ".svg"));
            e.getValue().save(dir.resolve(e.getKey() + ".png"));
            assertTrue(Files.size(dir.resolve(e.getKey() + ".png")) > 1000, e.getKey());
        }
    }
}
