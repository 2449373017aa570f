package org.neurosweep.postprocess.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Figures of the kind the report draws, from made-up but plausible data; shared by the tests. */
final class Samples {
    static final double[] GS = {2, 3, 4, 5, 6, 7};
    static final double[] DRIVES = {0.9, 1, 2, 3, 4};
    static final String G_TITLE = "g (relative strength of inhibition)";
    static final String DRIVE_TITLE = "ν_ext / ν_thr (external drive)";

    private Samples() {
    }

    /** 6 × 5 values from 0.0193 to 2390, spread over five decades, one missing. */
    static double[][] rates() {
        double[][] v = new double[GS.length][DRIVES.length];
        for (int i = 0; i < GS.length; i++) {
            for (int j = 0; j < DRIVES.length; j++) {
                v[i][j] = 2390 * Math.pow(10, -5.09 * (i * DRIVES.length + (DRIVES.length - 1 - j)) / 29.0);
            }
        }
        v[0][4] = 2390;
        v[5][0] = 0.0193;
        v[3][2] = Double.NaN;
        return v;
    }

    static Figure heatmap() {
        return Heatmap.figure("Excitatory firing rate over inhibition and drive (mean of 3 seeds)",
                new CellGrid(GS, G_TITLE, DRIVES, DRIVE_TITLE), rates(), "rate_e", "Hz");
    }

    static Figure phaseDiagram() {
        String[][] labels = new String[GS.length][DRIVES.length];
        String[][] notes = new String[GS.length][DRIVES.length];
        double[][] rates = rates();
        for (int i = 0; i < GS.length; i++) {
            for (int j = 0; j < DRIVES.length; j++) {
                labels[i][j] = GS[i] < 4 ? (DRIVES[j] >= 2 ? "SR" : "quiet") : GS[i] < 5 ? "SI-fast"
                        : DRIVES[j] > 2 ? "AI" : "SI-slow";
                notes[i][j] = Double.isNaN(rates[i][j]) ? null : Format.sig3(rates[i][j]) + " Hz";
            }
        }
        labels[3][2] = null;
        List<Category> categories = new ArrayList<>();
        String[] descriptions = {"synchronous regular", "asynchronous irregular", "synchronous irregular, fast oscillation",
            "synchronous irregular, slow oscillation", "no activity"};
        List<Category> plain = Category.palette("SR", "AI", "SI-fast", "SI-slow", "quiet");
        for (int k = 0; k < plain.size(); k++) {
            categories.add(plain.get(k).describedAs(descriptions[k]));
        }
        return CategoryMap.figure("Dynamical regimes of the Brunel network (classified from 1 s of activity)",
                new CellGrid(GS, G_TITLE, DRIVES, DRIVE_TITLE), labels, notes, categories);
    }

    static Figure line() {
        double[] x = {0.5, 1, 2, 5, 10, 20, 50, 100, 300};
        double[] mean = {0.8, 1.9, 4.2, 11, 23, 41, 95, 180, 420};
        double[] std = {0.3, 0.5, 1.1, 2, 4, 9, 14, 30, 60};
        return LinePlot.figure("Excitatory rate against external rate", x, mean, std, "ν_ext (external rate, Hz)",
                "rate_e (Hz)");
    }

    /** About {@code spikes} spikes of 100 E and 25 I neurons over 0..1000 ms, with a 40 Hz rhythm. */
    static List<RasterPlot.Group> groups(int spikes, boolean withInhibitory) {
        Random random = new Random(7);
        List<RasterPlot.Group> out = new ArrayList<>();
        int[] sizes = {100, 25};
        double[] share = {0.7, 0.3};
        for (int g = 0; g < (withInhibitory ? 2 : 1); g++) {
            int n = (int) (spikes * share[g]);
            int[] senders = new int[n];
            double[] times = new double[n];
            double[] hz = new double[1000];
            for (int k = 0; k < n; k++) {
                double t;
                do {
                    t = random.nextDouble() * 1000;
                } while (random.nextDouble() > 0.5 + 0.5 * Math.sin(2 * Math.PI * 40 * t / 1000));
                senders[k] = (g == 0 ? 1 : 10_001) + random.nextInt(sizes[g]);
                times[k] = t;
                hz[(int) t] += 1000.0 / sizes[g];
            }
            out.add(new RasterPlot.Group(g == 0 ? "E" : "I", g == 0 ? RasterPlot.EXCITATORY : RasterPlot.INHIBITORY,
                    senders, times, new RasterPlot.Rate(hz, 1, 0)));
        }
        return out;
    }

    static Figure raster(int spikes) {
        return RasterPlot.figure("Spikes and population rate, g = 5, ν_ext / ν_thr = 2", groups(spikes, true), 0, 1000,
                new Reference(100, "analysis starts (100 ms)"),
                "spikes of 100 of 10,000 E and 25 of 2,500 I neurons; rates from all neurons");
    }

    static Figure rasterWithSilentGroup() {
        List<RasterPlot.Group> groups = new ArrayList<>(groups(3000, false));
        groups.add(new RasterPlot.Group("I", RasterPlot.INHIBITORY, new int[0], new double[0], null));
        return RasterPlot.figure("A run in which the inhibitory population stays silent", groups, 0, 1000,
                new Reference(100, "analysis starts"), "spikes of 100 of 10,000 E and 25 of 2,500 I neurons");
    }

    static Figure isi() {
        int bins = 30;
        double[] edges = new double[bins + 1];
        double[] counts = new double[bins];
        for (int i = 0; i <= bins; i++) {
            edges[i] = Math.pow(10, -0.5 + 3.5 * i / bins);
        }
        for (int i = 0; i < bins; i++) {
            double mid = Math.log10(Math.sqrt(edges[i] * edges[i + 1]));
            counts[i] = Math.round(5200 * Math.exp(-Math.pow(mid - 1.4, 2) / 0.3));
        }
        return Histogram.figure("Inter-spike intervals of E neurons", edges, counts, "inter-spike interval (ms)",
                "number of intervals", true, null);
    }

    static Figure cv() {
        double[] edges = new double[21];
        double[] counts = new double[20];
        for (int i = 0; i <= 20; i++) {
            edges[i] = 0.06 * i;
        }
        for (int i = 0; i < 20; i++) {
            counts[i] = Math.round(80 * Math.exp(-Math.pow(0.06 * i + 0.03 - 0.75, 2) / 0.03));
        }
        return Histogram.figure("Coefficient of variation of the inter-spike intervals, per neuron", edges, counts,
                "CV of inter-spike intervals", "neurons", false, new Reference(1, "CV = 1 (Poisson)"));
    }

    static Figure spectrum() {
        double[] f = new double[501];
        double[] p = new double[501];
        for (int i = 0; i <= 500; i++) {
            f[i] = i;
            p[i] = 1e-4 * (1 + 1e3 * Math.exp(-Math.pow(i - 183, 2) / 200.0)) / (1 + i / 50.0) * (1 + 0.3 * Math.sin(i * 7.3));
        }
        return SpectrumPlot.figure("Power spectrum of the excitatory population rate", f, p, "power (Hz²/Hz)");
    }

    /** A heatmap over a line plot, with a caption of {@code more} after a first sentence. */
    static Figure stacked(String more) {
        CellGrid grid = new CellGrid(GS, G_TITLE, DRIVES, DRIVE_TITLE);
        return Figure.builder(720, 900).title("Rates and a cut through them")
                .panel(Heatmap.panel(grid, rates(), "rate_e", "Hz"), 2)
                .panel(LinePlot.panel(GS, new double[] {400, 60, 9, 1, 0.2, 0.03}, null, G_TITLE, "rate_e (Hz)"), 1)
                .caption("Mean over 3 seeds per cell. " + more).build();
    }
}
