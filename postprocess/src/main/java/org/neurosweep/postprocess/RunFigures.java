package org.neurosweep.postprocess;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.postprocess.plot.Category;
import org.neurosweep.postprocess.plot.Figure;
import org.neurosweep.postprocess.plot.Format;
import org.neurosweep.postprocess.plot.Histogram;
import org.neurosweep.postprocess.plot.RasterPlot;
import org.neurosweep.postprocess.plot.Reference;
import org.neurosweep.postprocess.plot.SpectrumPlot;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunValue;

/**
 * The figures of one run, drawn from what the run stored with itself under names the report knows
 * (docs/report.md):
 * <ul>
 *   <li>{@code spikes.<P>.senders} and {@code spikes.<P>.times} (or {@code spikes.senders}/{@code .times}):
 *       a raster per population P, over its population rate {@code rate.<P>} (Hz, bins of {@code rate.bin} ms
 *       from 0), with a dashed line at {@code rate.transient} (ms) when stored;</li>
 *   <li>{@code <H>.edges} and {@code <H>.counts}: a histogram (log x when the edges span a factor of 50);</li>
 *   <li>{@code spectrum.freq} and {@code spectrum.power}: a power spectrum, its peak at the run's
 *       {@code osc_freq} when that result exists.</li>
 * </ul>
 */
final class RunFigures {
    private final StoredSweep sweep;
    private final int run;
    private final Map<String, RunValue> values;

    RunFigures(StoredSweep sweep, int run) {
        this.sweep = sweep;
        this.run = run;
        this.values = sweep.runValues(run);
    }

    /** "run 12: g = 5, eta = 2", the same wherever a run is named. */
    static String title(StoredSweep sweep, int run) {
        StringBuilder t = new StringBuilder("run " + run);
        String sep = ": ";
        for (Parameter p : sweep.trajectory().exploredParameters()) {
            Object v = p.valueInRun(run);
            t.append(sep).append(p.name()).append(" = ").append(v instanceof Number n ? Format.sig3(n.doubleValue()) : v);
            sep = ", ";
        }
        return t.toString();
    }

    /** The figures this run stored data for, by file-name suffix (raster, isi, cv, spectrum, ...), with captions. */
    Map<String, Figure> all(Map<String, String> captions) {
        Map<String, Figure> out = new LinkedHashMap<>();
        Figure r = raster(captions);
        if (r != null) {
            out.put("raster", r);
        }
        Figure s = spectrum(captions);
        if (s != null) {
            out.put("spectrum", s);
        }
        for (String key : values.keySet()) {
            if (key.endsWith(".edges")) {
                String name = key.substring(0, key.length() - ".edges".length());
                Figure h = histogram(name, captions);
                if (h != null) {
                    out.put(name.replaceAll("[^A-Za-z0-9_-]", "_"), h);
                }
            }
        }
        return out;
    }

    /** The raster over the population rates, or null if the run stored no spikes. */
    Figure raster(Map<String, String> captions) {
        List<RasterPlot.Group> groups = new ArrayList<>();
        double bin = number("rate.bin", 1.0);
        List<String> populations = new ArrayList<>();
        for (String key : values.keySet()) {
            if (key.equals("spikes.senders") && values.containsKey("spikes.times")) {
                populations.add("");
            } else if (key.startsWith("spikes.") && key.endsWith(".senders") && key.length() > "spikes..senders".length()
                    && values.containsKey(key.substring(0, key.length() - ".senders".length()) + ".times")) {
                populations.add(key.substring("spikes.".length(), key.length() - ".senders".length()));
            }
        }
        double last = 0;
        int colour = 0;
        StringBuilder caption = new StringBuilder();
        StringBuilder inFigure = new StringBuilder();
        boolean anyRate = false;
        for (String pop : populations) {
            if (!(values.get("spikes." + (pop.isEmpty() ? "" : pop + ".") + "senders").value() instanceof int[] senders)
                    || !(values.get("spikes." + (pop.isEmpty() ? "" : pop + ".") + "times").value() instanceof double[] times)
                    || senders.length != times.length) {
                continue; // not a raster: senders must be int[] and times double[] of the same length
            }
            for (double t : times) {
                last = Math.max(last, t);
            }
            String label = pop.isEmpty() ? "neurons" : pop;
            RunValue rate = values.get("rate." + label);
            RasterPlot.Rate r = rate != null && rate.value() instanceof double[] hz ? new RasterPlot.Rate(hz, bin, 0) : null;
            Color c = label.equals("E") ? RasterPlot.EXCITATORY : label.equals("I") ? RasterPlot.INHIBITORY
                    : Category.PALETTE.get(colour++ % Category.PALETTE.size());
            groups.add(new RasterPlot.Group(label, c, senders, times, r));
            int recorded = 0;
            for (int s : senders) {
                recorded = Math.max(recorded, s);
            }
            caption.append(caption.length() == 0 ? "Spikes of " : "; ").append(label).append(": ")
                    .append(values.get("spikes." + (pop.isEmpty() ? "" : pop + ".") + "senders").comment());
            inFigure.append(inFigure.length() == 0 ? "spikes of " : ", ").append(label).append(" neurons 1–").append(recorded);
            anyRate |= r != null;
            if (r != null) {
                caption.append("; its rate: ").append(rate.comment());
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        double end = duration(last);
        RunValue transient_ = values.get("rate.transient");
        Reference marker = transient_ != null && transient_.value() instanceof Double t && t > 0
                ? new Reference(t, "analysis starts") : null;
        String text = caption + ".";
        captions.put("raster", text);
        String figureCaption = inFigure + (anyRate ? "; population rates from every neuron of each population" : "");
        return RasterPlot.figure(title(sweep, run), groups, 0, end, marker, figureCaption);
    }

    /** The power spectrum, or null if the run stored none. */
    Figure spectrum(Map<String, String> captions) {
        RunValue f = values.get("spectrum.freq");
        RunValue p = values.get("spectrum.power");
        if (f == null || p == null || !(f.value() instanceof double[] freq) || !(p.value() instanceof double[] power)) {
            return null;
        }
        double peak = Double.NaN;
        if (sweep.numericResults().contains("osc_freq")) {
            Double v = sweep.result("osc_freq").get(run);
            peak = v == null ? Double.NaN : v;
        }
        String unit = p.unit().isEmpty() ? "" : " (" + p.unit() + ")";
        captions.put("spectrum", p.comment());
        return org.neurosweep.postprocess.plot.Figure.of(title(sweep, run) + ": power spectrum", SpectrumPlot.WIDTH,
                SpectrumPlot.HEIGHT, SpectrumPlot.panel(freq, power, "power" + unit, peak));
    }

    /** The histogram {@code <name>.edges}/{@code .counts}, or null if the run stored no such pair. */
    Figure histogram(String name, Map<String, String> captions) {
        RunValue e = values.get(name + ".edges");
        RunValue c = values.get(name + ".counts");
        if (e == null || c == null || !(e.value() instanceof double[] edges) || !(c.value() instanceof double[] counts)
                || edges.length != counts.length + 1 || edges.length < 2) {
            return null;
        }
        boolean log = edges[0] > 0 && edges[edges.length - 1] / edges[0] >= 50;
        String xTitle = Format.withUnit(name.equals("isi") ? "inter-spike interval" : name.equals("cv") ? "CV of ISIs" : name,
                e.unit());
        Reference ref = name.equals("cv") && edges[0] <= 1 && edges[edges.length - 1] >= 1 ? new Reference(1, "CV = 1 (Poisson)") : null;
        captions.put(name.replaceAll("[^A-Za-z0-9_-]", "_"), c.comment());
        return Histogram.figure(title(sweep, run) + ": " + (name.equals("isi") ? "ISI" : name.equals("cv") ? "CV" : name)
                + " histogram", edges, counts, xTitle, "count", log, ref);
    }

    private double number(String key, double otherwise) {
        RunValue v = values.get(key);
        return v != null && v.value() instanceof Number n ? n.doubleValue() : otherwise;
    }

    private double duration(double lastSpike) {
        try {
            if (sweep.trajectory().value("t_sim") instanceof Number n) {
                return n.doubleValue();
            }
        } catch (RuntimeException noSuchParameter) {
            // fall back on the last spike
        }
        return Math.max(1, Math.ceil(lastSpike));
    }
}
