package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;
import org.neurosweep.testkit.ExternalTool;

/**
 * One setup run twice: by our simulator and by a Brian2 script of src/test/resources/brian2 (which reads
 * this setup as JSON, see nest_timing.py there). Each neuron gets its own I_e; every neuron receives the
 * dc current and every spike train.
 *
 * @param script     the Brian2 script, a file name in src/test/resources/brian2
 * @param model      our model's name
 * @param h          the resolution (ms)
 * @param substeps   Brian2's substeps per resolution step (its dt is h / substeps)
 * @param simMs      the simulated time (ms)
 * @param params     the model's parameters given at create (the others at their defaults)
 * @param iE         I_e of each neuron
 * @param dc         a dc_generator onto every neuron, or null
 * @param trains     spike_generators onto every neuron
 */
record Brian2Setup(String script, String model, double h, int substeps, double simMs, Map<String, Object> params,
                   double[] iE, Dc dc, List<Train> trains) {
    static final String PYTHON = "/usr/bin/python3";

    /** A dc_generator's amplitude (pA), start and stop (ms), and its connection's delay (ms). */
    record Dc(double amplitude, double start, double stop, double delay) {
    }

    /** A spike_generator's spike times (ms), connected with this weight and delay (ms). */
    record Train(double[] times, double weight, double delay) {
    }

    /**
     * What one simulator did.
     *
     * @param spikes per neuron, its spike times (ms)
     * @param vm     per neuron, V_m (mV) at h, 2h, ..., simMs
     */
    record Traces(List<double[]> spikes, List<double[]> vm) {
    }

    /** Skips the test locally, or fails it under CI, unless Debian's python3 has Brian2. */
    static void requireBrian2() {
        ExternalTool.require("Brian2 (Debian's python3-brian)", PYTHON, "-c", "import brian2");
    }

    /** Our simulator on this setup. */
    Traces ours() {
        try (Kernel k = Kernel.builder().resolution(h).build()) {
            NodeCollection mm = k.create("multimeter", 1, Map.of("record_from", List.of("V_m"), "interval", h));
            NodeCollection sr = k.create("spike_recorder");
            List<NodeCollection> neurons = new ArrayList<>();
            for (double current : iE) {
                Map<String, Object> p = new LinkedHashMap<>(params);
                p.put("I_e", current);
                NodeCollection n = k.create(model, 1, p);
                k.connect(mm, n);
                k.connect(n, sr);
                neurons.add(n);
            }
            if (dc != null) {
                NodeCollection g = k.create("dc_generator", 1,
                        Map.of("amplitude", dc.amplitude, "start", dc.start, "stop", dc.stop));
                neurons.forEach(n -> k.connect(g, n, ConnSpec.allToAll(), SynSpec.of(1.0, dc.delay)));
            }
            for (Train t : trains) {
                NodeCollection g = k.create("spike_generator", 1, Map.of("spike_times", t.times));
                neurons.forEach(n -> k.connect(g, n, ConnSpec.allToAll(), SynSpec.of(t.weight, t.delay)));
            }
            k.simulate(simMs);
            MultimeterEvents samples = k.samples(mm);
            SpikeEvents spikes = k.spikes(sr);
            List<double[]> vm = new ArrayList<>();
            List<double[]> sp = new ArrayList<>();
            int steps = (int) Math.round(simMs / h);
            for (NodeCollection n : neurons) {
                double[] v = new double[steps];
                int found = 0;
                for (int i = 0; i < samples.size(); i++) {
                    if (samples.senders()[i] == n.first()) {
                        v[(int) Math.round(samples.times()[i] / h) - 1] = samples.values("V_m")[i];
                        found++;
                    }
                }
                assertEquals(steps, found, "our multimeter's samples of neuron " + n.first());
                vm.add(v);
                List<Double> mine = new ArrayList<>();
                for (int i = 0; i < spikes.size(); i++) {
                    if (spikes.senders()[i] == n.first()) {
                        mine.add(spikes.times()[i]);
                    }
                }
                sp.add(mine.stream().mapToDouble(Double::doubleValue).toArray());
            }
            return new Traces(sp, vm);
        }
    }

    /**
     * Every parameter of our model as it runs this setup (those not given at their defaults), by NEST name,
     * I_e left out: the script is given these, so both simulate the same neuron.
     */
    Map<String, Object> modelParameters() {
        NeuronModel m = Models.neuron(model);
        Map<String, Object> found = new LinkedHashMap<>();
        try (Kernel k = Kernel.builder().resolution(h).build()) {
            k.status(k.create(model, 1, params).first()).forEach((name, value) -> {
                if (m.parameterNames().contains(name) && !m.stateNames().contains(name) && !name.equals("I_e")) {
                    found.put(name, value);
                }
            });
        }
        return found;
    }

    /** The Brian2 script on this setup. */
    Traces brian2() throws IOException, InterruptedException {
        Path file;
        try {
            file = Path.of(Brian2Setup.class.getResource("/brian2/" + script).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        // -B: no __pycache__ in target/test-classes
        String out = ExternalTool.run(List.of(PYTHON, "-B", file.toString(), json()));
        List<double[]> spikes = new ArrayList<>();
        List<double[]> vm = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] f = line.trim().split(" ");
            List<double[]> to = f[0].equals("spikes") ? spikes : f[0].equals("V_m") ? vm : null;
            if (to == null || f.length < 2 || Integer.parseInt(f[1]) != to.size()) {
                fail("Brian2's output has an unexpected line '" + line + "':\n" + out);
            }
            double[] values = new double[f.length - 2];
            for (int i = 2; i < f.length; i++) {
                values[i - 2] = Double.parseDouble(f[i]);
            }
            to.add(values);
        }
        assertEquals(iE.length, vm.size(), "Brian2's output:\n" + out);
        assertEquals(iE.length, spikes.size(), "Brian2's output:\n" + out);
        return new Traces(spikes, vm);
    }

    /** This setup as the scripts read it, with all of the model's parameters ({@link #modelParameters}). */
    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("h", h);
        m.put("substeps", substeps);
        m.put("T", simMs);
        m.put("params", modelParameters());
        m.put("I_e", iE);
        m.put("dc", dc == null ? null : Map.of("amplitude", dc.amplitude, "start", dc.start, "stop", dc.stop, "delay", dc.delay));
        List<Object> t = new ArrayList<>();
        for (Train tr : trains) {
            t.add(Map.of("times", tr.times, "weight", tr.weight, "delay", tr.delay));
        }
        m.put("trains", t);
        StringBuilder b = new StringBuilder();
        write(b, m);
        return b.toString();
    }

    private static void write(StringBuilder b, Object o) {
        if (o == null) {
            b.append("null");
        } else if (o instanceof Number || o instanceof Boolean) {
            b.append(o);
        } else if (o instanceof String s) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (o instanceof double[] a) {
            b.append('[');
            for (int i = 0; i < a.length; i++) {
                b.append(i > 0 ? ", " : "").append(a[i]);
            }
            b.append(']');
        } else if (o instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? ", " : "");
                write(b, l.get(i));
            }
            b.append(']');
        } else if (o instanceof Map<?, ?> map) {
            b.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(sep);
                write(b, e.getKey().toString());
                b.append(": ");
                write(b, e.getValue());
                sep = ", ";
            }
            b.append('}');
        } else {
            throw new IllegalArgumentException("not JSON: " + o);
        }
    }
}
