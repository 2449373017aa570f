package org.neurosweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small disk: a tmpfs mounted for a test (which needs root, or CAP_SYS_ADMIN; the test is skipped
 * with the reason where mounting is not allowed). {@link #resize} frees space as deleting files would.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code megabytes} MiB at {@code dir} (created), or skips the test saying why not. */
    static Tmpfs mount(Path dir, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String why = mount(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString()));
        Assumptions.assumeTrue(why == null, () -> "skipped: a full disk is tested on a tmpfs mounted by the test, and"
                + " mounting one is not allowed here (" + why + "); CI runs it as root");
        return new Tmpfs(dir);
    }

    /** Changes the size (the contents stay): a larger size is free space given back. */
    void resize(int megabytes) throws IOException, InterruptedException {
        String why = mount(List.of("mount", "-o", "remount,size=" + megabytes + "m", dir.toString()));
        if (why != null) {
            throw new IOException("cannot resize the tmpfs at " + dir + ": " + why);
        }
    }

    Path dir() {
        return dir;
    }

    long free() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        mount(List.of("umount", "-l", dir.toString()));
    }

    /** Runs a mount command; null if it succeeded, else what it printed. */
    private static String mount(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage(); // no mount command
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return command.get(0) + " did not finish within 60 s";
        }
        return p.exitValue() == 0 ? null : command.get(0) + " exited with " + p.exitValue() + ": " + output;
    }
}
