package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8))
                .run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    private List<String> rows() {
        return out.lines().skip(1).toList();
    }

    @Test
    void runMultiplyWithTwoGridsPrintsTwelveRows() {
        assertEquals(0, run("run", "multiply", "--grid", "x=1,2,3", "--grid", "y=0:4:1"));
        assertEquals(List.of("run", "x", "y", "z"), List.of(out.lines().findFirst().orElseThrow().trim().split("\\s+")));
        assertEquals(12, rows().size());
        assertEquals(List.of("11", "3", "3", "9"), List.of(rows().get(11).trim().split("\\s+")));
        assertTrue(err.contains("12 completed"), err);
    }

    @Test
    void defaultSweepAndQuiet() {
        assertEquals(0, run("run", "multiply", "--quiet"));
        assertEquals(12, rows().size());
        assertEquals("", err);
    }

    @Test
    void setChangesAParameterThatIsNotExplored() {
        assertEquals(0, run("run", "multiply", "--grid", "x=1,2", "--set", "y=10", "-q"));
        assertEquals(List.of("1", "2", "20"), List.of(rows().get(1).trim().split("\\s+")));
    }

    @Test
    void seedIsReported() {
        assertEquals(0, run("run", "multiply", "--seed", "7"));
        assertTrue(err.contains("seed 7"), err);
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("run") && out.contains("--version"), out);
        assertEquals(0, run("run", "--help"));
        assertTrue(out.contains("--grid") && out.contains("--seed") && out.contains("--set"), out);
        assertEquals(0, run("--version"));
        assertTrue(out.matches("neurosweep \\d+\\.\\d+\\.\\d+.*\\s*"), out);
    }

    @Test
    void usageErrorsExitTwoAndNameTheArgument() {
        assertUsage(new String[] {}, "usage");
        assertUsage(new String[] {"fly"}, "unknown command 'fly'");
        assertUsage(new String[] {"run"}, "SAMPLE");
        assertUsage(new String[] {"run", "nosuch"}, "unknown sample 'nosuch'");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1,a"}, "--grid x=1,a");
        assertUsage(new String[] {"run", "multiply", "--grid", "q=1,2"}, "q=1,2");
        assertUsage(new String[] {"run", "multiply", "--grid", "x"}, "expected name=value");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1:2"}, "start:stop:step");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=5:1:1"}, "empty");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1,,2"}, "empty value");
        assertUsage(new String[] {"run", "multiply", "--grid", "x=1", "--grid", "x=2"}, "twice");
        assertUsage(new String[] {"run", "multiply", "--set", "x=1.5"}, "--set x=1.5");
        assertUsage(new String[] {"run", "multiply", "--set", "x=2"}, "explored");
        assertUsage(new String[] {"run", "multiply", "--seed", "abc"}, "--seed 'abc'");
        assertUsage(new String[] {"run", "multiply", "--bogus"}, "bogus");
    }

    private void assertUsage(String[] args, String expected) {
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(err.contains(expected), String.join(" ", args) + " -> " + err);
    }
}
