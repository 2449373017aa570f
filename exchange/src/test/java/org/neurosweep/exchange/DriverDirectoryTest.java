package org.neurosweep.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A driver directory left by a process killed with kill -9 is removed by the next one made on the machine. */
class DriverDirectoryTest {
    @Test
    void directoriesOfProcessesThatAreGoneAreDeletedAndLiveOnesKept() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path base = AeronExchange.newDriverDirectory().getParent();
        Path orphan = Files.createDirectories(base.resolve("neurosweep-aeron-" + gone.pid() + "-0"));
        Files.writeString(orphan.resolve("cnc.dat"), "left by a killed driver");
        Path live = Files.createDirectories(base.resolve("neurosweep-aeron-" + ProcessHandle.current().pid() + "-1"));
        try {
            Path fresh = AeronExchange.newDriverDirectory();
            assertFalse(Files.exists(orphan), "the directory of pid " + gone.pid() + ", which has exited, is deleted");
            assertTrue(Files.exists(live), "a running process's directory is kept");
            assertFalse(Files.exists(fresh), "a new directory is a name only");
        } finally {
            Files.deleteIfExists(live);
            if (Files.exists(orphan)) {
                Files.deleteIfExists(orphan.resolve("cnc.dat"));
                Files.deleteIfExists(orphan);
            }
        }
    }
}
