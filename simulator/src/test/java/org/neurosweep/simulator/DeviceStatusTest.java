package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetStatus of devices: every parameter as it is in force (defaults, grid-rounded times, changes), and recorders' counts. */
class DeviceStatusTest {

    @Test
    void generatorsReportTheirParameters() {
        try (Kernel k = Kernel.builder().resolution(0.1).build()) {
            NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 5.0, "start", 1.0));
            Map<String, Object> s = k.status(dc.first());
            assertEquals("dc_generator", s.get("model"));
            assertEquals(5.0, s.get("amplitude"));
            assertEquals(1.0, s.get("start"));
            assertEquals(Double.POSITIVE_INFINITY, s.get("stop"));
            k.set(dc, Map.of("amplitude", 7.0));
            assertEquals(7.0, k.get(dc.first(), "amplitude"));
            NodeCollection noise = k.create("noise_generator", 1, Map.of("std", 2.0));
            assertEquals(1.0, k.get(noise.first(), "dt"), 1e-12, "dt defaults to 10 resolutions");
            assertEquals(2.0, k.get(noise.first(), "std"));
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(2.9999, 4.0)));
            assertArrayEquals(new double[] {3.0, 4.0}, (double[]) k.status(sg.first()).get("spike_times"), 1e-12,
                    "times as put on the grid");
            NodeCollection pg = k.create("poisson_generator", 1, Map.of("rate", 100.0));
            assertEquals(100.0, k.get(pg.first(), "rate"));
            UnknownNameException e = assertThrows(UnknownNameException.class, () -> k.get(pg.first(), "amplitude"));
            assertEquals(true, e.getMessage().contains("rate"), e.getMessage());
        }
    }

    @Test
    void recordersCountWhatTheyRecorded() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 2, Map.of("I_e", 400.0));
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection mm = k.create("multimeter", 1, Map.of("record_from", List.of("V_m"), "interval", 1.0));
            k.connect(n, sr);
            k.connect(mm, n);
            k.simulate(100.0);
            assertEquals(k.spikes(sr).size(), ((Number) k.status(sr.first()).get("n_events")).intValue());
            assertEquals(200, ((Number) k.status(mm.first()).get("n_events")).intValue());
            assertEquals(List.of("V_m"), k.status(mm.first()).get("record_from"));
        }
    }
}
