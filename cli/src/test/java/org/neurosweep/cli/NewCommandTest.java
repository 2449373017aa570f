package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurosweep.cli.PomXml.child;
import static org.neurosweep.cli.PomXml.children;
import static org.neurosweep.cli.PomXml.coordinates;
import static org.neurosweep.cli.PomXml.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.Version;
import org.w3c.dom.Element;

/**
 * {@code neurosweep new}: the project it writes compiles as a user's build would compile it, its sweep
 * runs through the Java API and its own test passes. (CI builds such a project with Maven as well.)
 */
class NewCommandTest extends CliCase {
    @TempDir
    Path dir;

    @Test
    void writesAProjectWhoseSweepCompilesRunsAndPassesItsTest() throws Exception {
        Path project = dir.resolve("lif-rates");
        assertEquals(0, run("new", project.toString(), "--package", "org.example.lif", "--name", "LifRate"), err);
        Path sweepSource = project.resolve("src/main/java/org/example/lif/LifRate.java");
        Path testSource = project.resolve("src/test/java/org/example/lif/LifRateTest.java");
        assertEquals(List.of(project.resolve("README.md"), project.resolve("pom.xml"), sweepSource,
                project.resolve("src/main/resources/simplelogger.properties"), testSource), filesBelow(project));
        assertTrue(out.contains("wrote " + project) && out.contains("run --classpath target/classes org.example.lif.LifRate"),
                out);
        for (Path f : filesBelow(project)) {
            assertFalse(Files.readString(f).contains("{{"), f + " has a placeholder left");
        }
        List<String> readme = Files.readAllLines(project.resolve("README.md"));
        assertEquals(3, readme.size(), String.join("\n", readme));
        assertTrue(readme.get(1).contains("`mvn -B verify`"), readme.get(1));
        assertTrue(readme.get(2).contains("run --classpath target/classes org.example.lif.LifRate`")
                && readme.get(2).contains("lif_rate.h5"), readme.get(2));

        Path classes = dir.resolve("classes");
        JavaSources.compile(List.of(sweepSource, testSource), classes);
        try (URLClassLoader loader = JavaSources.loader(classes)) {
            SweepDefinition sweep = (SweepDefinition) loader.loadClass("org.example.lif.LifRate")
                    .getConstructor().newInstance();
            Trajectory t = sweep.newTrajectory(42);
            assertEquals("lif_rate", sweep.name());
            Parameter current = t.parameter("I_e");
            assertEquals("pA", current.unit());
            assertEquals("ms", t.parameter("tau_m").unit());
            assertTrue(current.allowed() != null && t.parameter("tau_m").allowed() != null);

            t.explore(sweep.defaultSweep());
            InMemorySink sink = new InMemorySink();
            SweepSummary summary = Environment.builder(t).sink(sink).build().run(sweep.runFunction());
            assertEquals(8, summary.completed(), () -> summary + ": " + sink.records().get(0).error());
            double[] rates = new double[8];
            for (int i = 0; i < 8; i++) {
                rates[i] = (double) sink.record(i).summaryResult("rate");
                double theory = (double) sink.record(i).summaryResult("rate_theory");
                assertEquals(theory, rates[i], 1.0 + 0.01 * theory, "run " + i);
            }
            // I_e changes slowest: runs 0, 2, 4, 6 have tau_m = 10 ms, 300 to 800 pA
            assertEquals(0.0, rates[0], "300 pA with tau_m = 10 ms stays below threshold");
            assertTrue(rates[2] > 20 && rates[2] < rates[4] && rates[4] < rates[6], Arrays.toString(rates));

            Class<?> test = loader.loadClass("org.example.lif.LifRateTest");
            int ran = 0;
            for (Method m : test.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    var constructor = test.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    m.setAccessible(true);
                    m.invoke(constructor.newInstance()); // a failed assertion would throw here
                    ran++;
                }
            }
            assertEquals(2, ran, "the generated test's methods");
        }
    }

    @Test
    void thePomUsesThisVersionAndTheBuildsPluginVersions() throws Exception {
        Path project = dir.resolve("x");
        assertEquals(0, run("new", project.toString()), err);
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/MySweep.java")));
        assertTrue(Files.isRegularFile(project.resolve("src/test/java/com/example/MySweepTest.java")));
        Element pom = PomXml.read(project.resolve("pom.xml"));
        assertEquals("com.example", text(pom, "groupId"));
        assertEquals("x", text(pom, "artifactId"));
        assertEquals("17", text(pom, "properties", "maven.compiler.release"));
        assertEquals(Version.NEUROSWEEP, text(pom, "properties", "neurosweep.version"));
        Element parent = PomXml.read(RepositoryRoot.path().resolve("pom.xml"));
        List<String> pluginVersions = new ArrayList<>();
        for (Element plugin : children(child(pom, "build", "plugins"), "plugin")) {
            pluginVersions.add(text(plugin, "artifactId") + " " + text(plugin, "version"));
        }
        assertEquals(List.of("maven-compiler-plugin " + text(parent, "properties", "maven-compiler-plugin.version"),
                "maven-surefire-plugin " + text(parent, "properties", "maven-surefire-plugin.version")), pluginVersions);
        assertEquals(Set.of("org.neurosweep:neurosweep-bom"), coordinates(child(pom, "dependencyManagement", "dependencies")));
        assertEquals(Set.of("org.neurosweep:neurosweep", "org.slf4j:slf4j-simple", "org.junit.jupiter:junit-jupiter"),
                coordinates(child(pom, "dependencies")));
    }

    @Test
    void anEmptyDirectoryIsUsedAndANonEmptyOneRefused() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(0, run("new", empty.toString(), "--name", "Rates"), err);
        assertTrue(Files.isRegularFile(empty.resolve("src/main/java/com/example/Rates.java")));

        assertEquals(2, run("new", empty.toString()), "now it holds a project");
        assertTrue(err.contains("'" + empty + "' is not empty"), err);
        Path file = Files.writeString(dir.resolve("file"), "");
        assertEquals(2, run("new", file.toString()));
        assertTrue(err.contains("is not a directory"), err);
        assertEquals(2, run("new"));
        assertTrue(err.contains("expected one DIR"), err);
    }

    @Test
    void badNamesAreUsageErrorsThatWriteNothing() throws IOException {
        Path project = dir.resolve("p");
        assertEquals(2, run("new", project.toString(), "--package", "com.1st"));
        assertTrue(err.contains("--package 'com.1st' is not a Java package name"), err);
        assertEquals(2, run("new", project.toString(), "--package", "com.class"));
        assertTrue(err.contains("'com.class'"), err);
        assertEquals(2, run("new", project.toString(), "--name", "My-Sweep"));
        assertTrue(err.contains("--name 'My-Sweep' is not a Java class name"), err);
        assertFalse(Files.exists(project));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing left aside either, not even an empty directory");
        }
    }

    private static List<Path> filesBelow(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
