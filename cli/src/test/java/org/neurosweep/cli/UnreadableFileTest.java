package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A truncated file, or one that is not HDF5: every command that reads it says so in one line and exits 2,
 * leaving nothing behind.
 */
class UnreadableFileTest extends CliCase {
    @TempDir
    Path dir;

    private void assertRefusedByEveryReader(Path file, String reason) throws Exception {
        String f = file.toString();
        String[][] commands = {
            {"ls", f},
            {"table", f},
            {"plot", f, "--x", "x", "--z", "z", "--out", dir.resolve("p.png").toString()},
            {"raster", f, "--run", "0", "--out", dir.resolve("r.png").toString()},
            {"report", f, "--out", dir.resolve("report").toString()},
            {"resume", f},
            {"failures", f},
        };
        List<String> before = entries();
        for (String[] args : commands) {
            assertEquals(2, run(args), String.join(" ", args) + ": " + err);
            assertEquals("neurosweep " + args[0] + ": " + f + " is not a readable neurosweep file: " + reason,
                    err.substring(0, Math.min(err.length(), err.indexOf(reason) + reason.length())), String.join(" ", args));
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertEquals(before, entries(), String.join(" ", args) + " leaves nothing behind");
        }
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTruncatedFile() throws Exception {
        Path whole = dir.resolve("whole.h5");
        assertEquals(0, run("run", "multiply", "-q", "--out", whole.toString()));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Files.delete(whole);
        assertRefusedByEveryReader(cut, "truncated (");
    }

    @Test
    void aFileThatIsNotHdf5() throws Exception {
        Path notes = dir.resolve("notes.h5");
        Files.writeString(notes, "my notes, not a sweep\n");
        assertRefusedByEveryReader(notes, "not an HDF5 file");
    }
}
