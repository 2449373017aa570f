package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * Code that is not on this JVM's class path (compiled here into a directory of its own): refused by
 * PROCESSES without a {@link UserCode}, run by real worker JVMs with one; its hash ignores timestamps
 * and sees every changed byte; packed and unpacked it loads again.
 */
class UserCodeTest {
    private static final String SOURCE = """
            package user;
            public class Functions {
                public static org.neurosweep.trajectory.RunFunction square() {
                    return run -> run.addResult("y", Helper.square(run.getDouble("x")), "x squared");
                }
            }
            class Helper {
                static double square(double x) {
                    return x * x;
                }
            }
            """;

    @TempDir
    Path dir;

    private Path compile(String source) throws IOException {
        Path src = dir.resolve("src/user/Functions.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = dir.resolve("classes-" + source.hashCode());
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status, "javac");
        return classes;
    }

    private static Path jar(Path classes, Path jar, long time) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                ZipEntry e = new ZipEntry(classes.relativize(f).toString());
                e.setLastModifiedTime(FileTime.fromMillis(time));
                j.putNextEntry(e);
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static RunFunction function(ClassLoader loader) throws ReflectiveOperationException {
        return (RunFunction) Class.forName("user.Functions", true, loader).getMethod("square").invoke(null);
    }

    private static Trajectory trajectory() {
        Trajectory t = new Trajectory("user_code", 7);
        t.addParameter("x", 0.0, "");
        t.explore(Sweep.arange("x", 0.0, 6.0, 1.0));
        return t;
    }

    @Test
    void processesRefuseCodeTheyCannotLoadAndRunItWhenToldWhereItIs() throws Exception {
        UserCode code = UserCode.of(List.of(compile(SOURCE)));
        try (URLClassLoader loader = code.classLoader(getClass().getClassLoader())) {
            RunFunction f = function(loader);
            InMemorySink refused = new InMemorySink();
            RunnerException e = assertThrows(RunnerException.class, () -> Environment.builder(trajectory()).sink(refused)
                    .mode(Mode.PROCESSES).workers(1).build().run(f));
            assertTrue(e.getMessage().contains("userCode(UserCode.of(paths))"), e.getMessage());
            assertEquals(0, refused.records().size(), "refused before any run");

            InMemorySink sink = new InMemorySink();
            SweepSummary s = Environment.builder(trajectory()).sink(sink).mode(Mode.PROCESSES).workers(2).userCode(code)
                    .build().run(f);
            assertEquals(6, s.completed(), s.toString());
            for (var r : sink.records()) {
                double x = r.index();
                assertEquals(x * x, (Double) r.values().stream().filter(v -> v.path().endsWith("y")).findFirst()
                        .orElseThrow().value(), "run " + r.index());
            }
        }
    }

    @Test
    void theHashIgnoresTimestampsAndSeesEveryChange() throws Exception {
        Path classes = compile(SOURCE);
        String fromDirectory = UserCode.of(List.of(classes)).hash();
        String jar1 = UserCode.of(List.of(jar(classes, dir.resolve("a.jar"), 1_000_000L))).hash();
        String jar2 = UserCode.of(List.of(jar(classes, dir.resolve("b.jar"), 2_000_000_000L))).hash();
        assertEquals(jar1, jar2, "a rebuilt jar of the same classes");
        assertEquals(fromDirectory, jar1, "the same classes as a directory or a jar");
        String changed = UserCode.of(List.of(compile(SOURCE.replace("x * x", "x * x + 0.0")))).hash();
        assertNotEquals(fromDirectory, changed, "changed code");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> UserCode.of(List.of(dir.resolve("nope.jar"))));
        assertTrue(missing.getMessage().contains("nope.jar' does not exist"), missing.getMessage());
    }

    @Test
    void packedCodeLoadsAgainAfterUnpacking() throws Exception {
        Path classes = compile(SOURCE);
        UserCode code = UserCode.of(List.of(jar(classes, dir.resolve("f.jar"), 0L), classes));
        UserCode unpacked = UserCode.unpack(code.pack(), dir.resolve("unpacked"));
        assertEquals(2, unpacked.classPath().size());
        assertEquals(code.hash(), unpacked.hash(), "the same contents after the trip");
        try (URLClassLoader loader = unpacked.classLoader(getClass().getClassLoader())) {
            RunFunction f = function(loader);
            InMemorySink sink = new InMemorySink();
            Environment.builder(trajectory()).sink(sink).build().run(f);
            assertEquals(6, sink.records().size());
        }
        assertThrows(IOException.class, () -> UserCode.unpack(new byte[] {0, 0, 0, 1, 0, 1, 'a', 0x7f, 0, 0, 0}, dir.resolve("bad")));
    }
}
