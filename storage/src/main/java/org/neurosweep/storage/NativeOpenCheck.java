package org.neurosweep.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a file to be resumed with the HDF5 library in a JVM of its own, so that the sink opens in this one
 * only what the child made of it. On a damaged file the native library does not always return an error: on the damaged-file fuzzer's
 * copies (cli's DamagedFileFuzzTest) it aborted or crashed the JVM (SIGABRT, SIGSEGV in free) on flipped
 * bytes in version-2 B-tree nodes and fractal heap blocks of a killed sweep's file, which jHDF reads
 * without complaint, and looped forever in a variable-length string read on a zeroed global heap. The
 * child does what opening for resume does natively (the column check, the copy to FILE.h5.live, the
 * open for writing, the crash repair, the run table) and leaves the repaired FILE.h5.live, which this
 * process then opens without reading FILE.h5 natively at all. (Checking in the child and then doing the
 * same here is not enough: the same damaged bucket that the child's library reported as an error crashed
 * this JVM's.) A child that dies or does not finish in time makes the file "damaged"; the caller goes on.
 *
 * <p>Called with FILE.h5.lock held (the live file is the caller's); a child that fails leaves no live file.
 */
final class NativeOpenCheck {
    /** Seconds the check may take, beyond which the file counts as damaged; default 60 plus 1 per 10 MB. */
    static final String LIMIT_PROPERTY = "neurosweep.storage.nativeCheckSeconds";
    private static final String READY = "neurosweep-native-check: ready";
    private static final String OK = "neurosweep-native-check: ok";
    private static final String REFUSED = "neurosweep-native-check: refused: ";
    private static final String NATIVE = "neurosweep-native-check: native error";
    private static final String REPAIRED = "neurosweep-native-check: repaired: ";
    private static final int KEPT_LINES = 20;

    private NativeOpenCheck() {
    }

    /**
     * Opens {@code path} for resuming in a child JVM: it makes FILE.h5.live, repairs it after a crash (the
     * repair reads the damaged buckets: it is what crashed the library) and closes it, for the sink to
     * open as it is.
     *
     * @throws NotATrajectoryFileException if the library refuses the file, crashes on it or does not finish
     * @return the repairs made (a line per bucket dropped), or null if no child JVM could be started:
     *         nothing was checked and no live file made
     */
    static List<String> run(Path path, String trajectoryName) {
        Process p;
        try {
            p = new ProcessBuilder(command(path, trajectoryName)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(p, lines), "neurosweep-native-check-output");
        reader.setDaemon(true);
        reader.start();
        long limit = limitSeconds(path);
        boolean passed = false;
        try {
            boolean ended = p.waitFor(limit, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            List<String> said;
            synchronized (lines) {
                said = List.copyOf(lines);
            }
            List<String> repairs = verdict(path, said, ended, limit, p);
            passed = repairs != null;
            return repairs;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while opening " + path + " in a child JVM", e);
        } finally {
            if (!passed) {
                deleteLive(path);
            }
        }
    }

    private static List<String> verdict(Path path, List<String> said, boolean ended, long limit, Process p) {
        if (!said.contains(READY)) {
            return null; // the child JVM could not start (a class path it cannot use): nothing was checked
        }
        if (!ended) {
            throw new NotATrajectoryFileException(path, "damaged (the HDF5 library did not finish opening it in " + limit
                    + " s)", null);
        }
        for (String line : said) {
            if (line.startsWith(REFUSED)) {
                throw new NotATrajectoryFileException(path, line.substring(REFUSED.length()), null);
            }
        }
        if (said.contains(NATIVE)) {
            throw new NotATrajectoryFileException(path, "damaged (the HDF5 library cannot open it)", null);
        }
        if (p.exitValue() != 0 || !said.contains(OK)) {
            throw new NotATrajectoryFileException(path, "damaged (the HDF5 library crashed opening it, exit status "
                    + p.exitValue() + ")", null);
        }
        List<String> repairs = new ArrayList<>();
        for (String line : said) {
            if (line.startsWith(REPAIRED)) {
                repairs.add(line.substring(REPAIRED.length()));
            }
        }
        return repairs;
    }

    private static List<String> command(Path path, String trajectoryName) {
        long heapMb = Math.max(64, Runtime.getRuntime().maxMemory() >> 20);
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                NativeOpenCheck.class.getName(), path.toAbsolutePath().toString(), trajectoryName);
    }

    private static long limitSeconds(Path path) {
        String set = System.getProperty(LIMIT_PROPERTY);
        if (set != null) {
            return Long.parseLong(set);
        }
        try {
            return 60 + Files.size(path) / 10_000_000;
        } catch (IOException e) {
            return 60;
        }
    }

    /** Keeps the child's last lines (its own, and whatever the library prints). */
    private static void readLines(Process p, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    if (line.startsWith("neurosweep-native-check:")) {
                        lines.add(line);
                    } else if (lines.size() < KEPT_LINES) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone; what it said is kept
        }
    }

    private static void deleteLive(Path path) {
        try {
            Files.deleteIfExists(PublishedFile.liveOf(path));
        } catch (IOException ignored) {
            // the sink makes the live file anew from FILE.h5
        }
    }

    /** The child: {@code NativeOpenCheck FILE.h5 TRAJECTORY}; says ok, refused (why) or native error, or dies. */
    public static void main(String[] args) {
        System.out.println(READY);
        System.out.flush();
        Path path = Path.of(args[0]);
        String said;
        List<String> repairs = List.of();
        try {
            FileWriter.requireReadableColumns(path, args[1]);
            FileWriter w = FileWriter.open(path, args[1], StorageOptions.DEFAULT, true);
            try {
                repairs = w.repairAfterCrash();
                w.completedRuns();
            } finally {
                w.closeLive();
            }
            said = OK;
        } catch (NotATrajectoryFileException e) {
            said = REFUSED + e.reason();
        } catch (StorageException e) {
            said = e.getCause() == null ? REFUSED + "damaged (" + e.getMessage() + ")" : NATIVE;
        } catch (RuntimeException e) { // HDF5Exception too
            said = NATIVE;
        }
        if (said.equals(OK)) {
            repairs.forEach(r -> System.out.println(REPAIRED + r.replace('\n', ' ')));
        } else {
            deleteLive(path);
        }
        System.out.println(said);
        System.out.flush();
        System.exit(0);
    }
}
