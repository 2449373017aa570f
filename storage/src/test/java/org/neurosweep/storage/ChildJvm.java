package org.neurosweep.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real child JVM running {@link SweepProcess}, with its output read line by line. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code java -cp <this classpath> SweepProcess args...}, optionally under a shell prefix such as a ulimit. */
    static ChildJvm start(String shellPrefix, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SweepProcess.class.getName()));
        jvm.addAll(List.of(args));
        if (shellPrefix == null) {
            command.addAll(jvm);
        } else {
            StringBuilder sb = new StringBuilder(shellPrefix).append(" exec");
            for (String a : jvm) {
                sb.append(" '").append(a.replace("'", "'\\''")).append('\'');
            }
            command.addAll(List.of("bash", "-c", sb.toString()));
        }
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Reads lines until one starts with {@code prefix}; returns it (fails if the process ends first). */
    String await(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child ended without printing '" + prefix + "'; it printed:\n" + String.join("\n", lines));
    }

    /** SIGKILL, as kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not finish in 300 s");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
