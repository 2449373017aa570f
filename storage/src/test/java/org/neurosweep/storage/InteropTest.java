package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.testkit.ExternalTool;

/** Our files read by the HDF Group's h5dump and by Debian's python3 with h5py (HDF5 1.10). */
class InteropTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void write() {
        file = dir.resolve("interop.h5");
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(Sweeps.everyType(), sink, Sweeps.EVERY_TYPE);
        }
    }

    @Test
    void h5dumpReadsEverything() throws Exception {
        ExternalTool.require("h5dump (Debian package hdf5-tools)", "h5dump", "--version");
        String all = ExternalTool.run(List.of("h5dump", file.toString()));
        assertTrue(all.contains("GROUP \"every_type\""), "the trajectory's root group");
        assertTrue(all.contains("\"iaf_psc_delta\""), "a string parameter");
        String rate = ExternalTool.run(List.of("h5dump", "-d", "/every_type/results/summary/rate", file.toString()));
        assertTrue(rate.contains("(0): 30, 60, 90, 120, 40,"), rate);
        String trace = ExternalTool.run(List.of("h5dump", "-d",
                "/every_type/results/runs/run_set_00000/run_00000007/trace", file.toString()));
        assertTrue(trace.contains("(0): 4, 40, 7"), trace);
    }

    @Test
    void h5pyReadsEverything() throws Exception {
        ExternalTool.require("python3-h5py and python3-pandas (Debian)", PYTHON, "-c", "import h5py, pandas");
        Path script = dir.resolve("read.py");
        Files.writeString(script, String.join("\n",
                "import sys, h5py, numpy as np",
                "f = h5py.File(sys.argv[1], 'r')",
                "t = f['every_type']",
                "print('seed', int(t.attrs['seed']))",
                "print('format', t.attrs['neurosweep_format'])",
                "print('model', t['parameters/net/model'].asstr()[()])",
                "print('weights', list(t['parameters/weights'][:]))",
                "print('explored', t['overview/explored'].attrs['order'], list(t['overview/explored/net.g'][:4]))",
                "status = t['overview/runs/status'][:]",
                "print('completed', int((status == 2).sum()), 'failed', int((status == 3).sum()))",
                "print('rate', list(t['results/summary/rate'][:4]))",
                "print('label', t['results/summary/label'].asstr()[11])",
                "runs = t['overview/runs']",
                "import pandas as pd",
                "table = pd.DataFrame({k: runs[k][()] for k in runs})  # every run-table column has one entry per run",
                "table['worker'] = t['overview/workers'].asstr()[()][table['worker']]",
                "print('columns', sorted(runs), runs['duration'].dtype, runs['worker'].dtype, int(t.attrs['format_version']))",
                "print('worker', table['worker'][0], repr(table['worker'][11]), len(table))",
                "print('error', t['overview/failures/error'].asstr()[0].splitlines()[0])",
                "print('trace', list(t['results/runs/run_set_00000/run_00000007/trace'][:]))",
                "print('big', int(t['results/summary/big'][3]))",
                ""));
        String out = ExternalTool.run(List.of(PYTHON, script.toString(), file.toString()));
        List<String> lines = out.lines().toList();
        assertEquals("seed 1234", lines.get(0));
        assertEquals("format neurosweep-trajectory", lines.get(1));
        assertEquals("model iaf_psc_delta", lines.get(2));
        assertEquals("weights [0.1, 0.2, 0.3]", lines.get(3).replace("np.float64(", "").replace(")", ""));
        assertEquals("explored net.g,net.n [3.0, 3.0, 3.0, 3.0]", lines.get(4).replace("np.float64(", "").replace(")", ""));
        assertEquals("completed 11 failed 1", lines.get(5));
        assertEquals("rate [30.0, 60.0, 90.0, 120.0]", lines.get(6).replace("np.float64(", "").replace(")", ""));
        assertEquals("label run 11 é", lines.get(7));
        assertEquals("columns ['duration', 'idx', 'start', 'status', 'worker'] float32 int16 2", lines.get(8));
        assertEquals("worker local 'local' 12", lines.get(9));
        assertEquals("error java.lang.IllegalStateException: run 5 fails on purpose", lines.get(10));
        assertEquals("trace [4.0, 40.0, 7.0]", lines.get(11).replace("np.float64(", "").replace(")", ""));
        assertEquals("big " + (40L << 33), lines.get(12));
    }
}
