package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets a clear error naming it. */
class KernelErrorsTest {
    private static void assertError(Class<? extends SimulationException> type, String expected, Executable call) {
        SimulationException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should mention '" + expected + "'");
    }

    @Test
    void unknownModelAndParameter() {
        try (Kernel k = Kernel.builder().build()) {
            assertError(UnknownNameException.class, "unknown model 'iaf_psc_beta'", () -> k.create("iaf_psc_beta"));
            assertError(UnknownNameException.class, "iaf_psc_alpha", () -> k.create("iaf_psc_beta"));
            assertError(UnknownNameException.class, "no parameter 'tau_mem'", () -> k.create("iaf_psc_exp", 1, Map.of("tau_mem", 5.0)));
            assertError(UnknownNameException.class, "no parameter 'tau_syn_ex'",
                    () -> k.create("iaf_psc_delta", 1, Map.of("tau_syn_ex", 5.0)));
            assertError(UnknownNameException.class, "no parameter 'amp'", () -> k.create("dc_generator", 1, Map.of("amp", 5.0)));
        }
    }

    @Test
    void badNeuronParameters() {
        try (Kernel k = Kernel.builder().build()) {
            assertError(BadParameterException.class, "tau_m = 0.0 ms must be positive", () -> k.create("iaf_psc_delta", 1, Map.of("tau_m", 0.0)));
            assertError(BadParameterException.class, "tau_syn_in = -1.0 ms must be positive",
                    () -> k.create("iaf_psc_alpha", 1, Map.of("tau_syn_in", -1.0)));
            assertError(BadParameterException.class, "V_reset = -50.0 mV must be below V_th = -55.0 mV",
                    () -> k.create("iaf_psc_exp", 1, Map.of("V_reset", -50.0)));
            assertError(BadParameterException.class, "V_reset = -55.0 mV must be below V_th", () -> k.create("iaf_psc_exp", 1,
                    Map.of("V_reset", -55.0)));
            assertError(BadParameterException.class, "C_m = -250.0 pF must be positive", () -> k.create("iaf_psc_alpha", 1, Map.of("C_m", -250.0)));
            assertError(BadParameterException.class, "C_m = 0.0 pF", () -> k.create("iaf_psc_alpha", 1, Map.of("C_m", 0.0)));
            assertError(BadParameterException.class, "t_ref = -1.0 ms must not be negative", () -> k.create("iaf_psc_delta", 1, Map.of("t_ref", -1.0)));
            assertError(BadParameterException.class, "tau_m = x is not a number", () -> k.create("iaf_psc_delta", 1, Map.of("tau_m", "x")));
            assertEquals(0, k.nodeCount(), "nothing was created by the failed calls");
        }
    }

    @Test
    void badDeviceParameters() {
        try (Kernel k = Kernel.builder().build()) {
            assertError(BadParameterException.class, "rate = -5.0 Hz must be finite and not negative",
                    () -> k.create("poisson_generator", 1, Map.of("rate", -5.0)));
            assertError(BadParameterException.class, "start <= stop", () -> k.create("poisson_generator", 1, Map.of("start", 5.0, "stop", 1.0)));
            assertError(BadParameterException.class, "ascending", () -> k.create("spike_generator", 1, Map.of("spike_times", new double[] {5, 2})));
            assertError(UnknownNameException.class, "unknown recordable 'g_foo'", () -> k.create("multimeter", 1, Map.of("record_from", "g_foo")));
            NodeCollection conductances = k.create("multimeter", 1, Map.of("record_from", "g_ex"));
            NodeCollection currentBased = k.create("iaf_psc_alpha");
            assertError(UnknownNameException.class, "iaf_psc_alpha has no recordable 'g_ex'", () -> k.connect(conductances, currentBased));
            assertError(BadParameterException.class, "record_to = 'screen'", () -> k.create("spike_recorder", 1, Map.of("record_to", "screen")));
            assertError(BadParameterException.class, "at least 1", () -> k.create("iaf_psc_delta", 0));
        }
    }

    @Test
    void unknownRule() {
        assertError(UnknownNameException.class, "unknown connection rule 'random'", () -> ConnSpec.byName("random", 1));
        assertError(BadParameterException.class, "p = 1.5 must be in [0, 1]", () -> ConnSpec.pairwiseBernoulli(1.5, true, true));
        assertError(BadParameterException.class, "indegree -1", () -> ConnSpec.fixedIndegree(-1, true, true));
    }

    @Test
    void connectionsIntoDevicesThatCannotReceive() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 2);
            NodeCollection pg = k.create("poisson_generator");
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection mm = k.create("multimeter");
            assertError(BadConnectionException.class, "poisson_generator, which cannot receive", () -> k.connect(n, pg));
            assertError(BadConnectionException.class, "sends nothing to neurons", () -> k.connect(sr, n));
            assertError(BadConnectionException.class, "a spike_recorder records neurons", () -> k.connect(pg, sr));
            assertError(BadConnectionException.class, "a multimeter samples neurons", () -> k.connect(mm, pg));
            assertError(BadConnectionException.class, "one_to_one needs as many sources as targets",
                    () -> k.connect(n, n.slice(0, 1), ConnSpec.oneToOne(), SynSpec.DEFAULT));
            assertError(BadParameterException.class, "node 99 does not exist", () -> k.connect(n, NodeCollection.of(99)));
        }
    }

    @Test
    void delaysOffTheGrid() {
        try (Kernel k = Kernel.builder().resolution(0.1).build()) {
            NodeCollection n = k.create("iaf_psc_delta", 2);
            assertError(BadConnectionException.class, "delay 0.05 ms is below the resolution 0.1 ms",
                    () -> k.connect(n, n, ConnSpec.allToAll(), SynSpec.of(1.0, 0.05)));
            assertError(BadParameterException.class, "delay 1.25 ms is not a multiple of the resolution 0.1 ms",
                    () -> k.connect(n, n, ConnSpec.allToAll(), SynSpec.of(1.0, 1.25)));
            assertError(BadConnectionException.class, "below the resolution",
                    () -> k.connect(n, n, ConnSpec.allToAll(), SynSpec.of(Distribution.constant(1.0), Distribution.constant(0.0))));
            assertError(BadConnectionException.class, "a drawn delay of",
                    () -> k.connect(n, n, ConnSpec.allToAll(), SynSpec.of(Distribution.constant(1.0), Distribution.uniform(0.0, 0.04))));
        }
    }

    @Test
    void timeAndKernelState() {
        try (Kernel k = Kernel.builder().build()) {
            assertError(KernelStateException.class, "negative", () -> k.simulate(-1.0));
            assertError(BadParameterException.class, "not a multiple of the resolution", () -> k.simulate(0.05));
            k.setThreads(2);
            k.setVirtualProcesses(4);
            k.create("iaf_psc_delta");
            assertError(KernelStateException.class, "cannot change local_num_threads after nodes exist", () -> k.setThreads(1));
            assertError(KernelStateException.class, "cannot change total_num_virtual_procs after nodes exist",
                    () -> k.setVirtualProcesses(2));
        }
        assertError(KernelStateException.class, "must be at least local_num_threads",
                () -> Kernel.builder().threads(4).virtualProcesses(2).build());
        assertError(BadParameterException.class, "resolution -0.1 ms", () -> Kernel.builder().resolution(-0.1));
        Kernel closed = Kernel.builder().build();
        closed.close();
        assertError(KernelStateException.class, "closed", () -> closed.create("iaf_psc_delta"));
    }
}
