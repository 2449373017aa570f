package org.neurosweep.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrajectoryTreeTest {

    @Test
    void hasFourBranchesInOrder() {
        Trajectory t = new Trajectory("t", 1);
        List<String> names = new ArrayList<>();
        for (Branch b : Branch.values()) {
            names.add(t.root(b).fullPath());
        }
        assertEquals(List.of("config", "parameters", "derived_parameters", "results"), names);
    }

    @Test
    void leavesOfEveryTypeKeepValueTypeAndComment() {
        Trajectory t = new Trajectory("t", 1);
        Object[] values = {true, 3, 4L, 2.5, "text", new int[] {1, 2}, new long[] {3L}, new double[] {0.5, 1.5}};
        ValueType[] types = ValueType.values();
        for (int i = 0; i < values.length; i++) {
            Parameter p = t.addParameter("p" + i, values[i], "comment " + i);
            assertEquals(types[i], p.type());
            assertEquals("comment " + i, p.comment());
            assertTrue(ValueType.valuesEqual(values[i], p.value()));
        }
        Result r = t.addResult("summary_of_all", new double[] {1, 2}, "a result");
        assertEquals(ValueType.DOUBLE_ARRAY, r.type());
        assertEquals("a result", r.comment());
        assertEquals(Branch.RESULTS, r.branch());
        assertEquals(Branch.CONFIG, t.addConfig("ncores", 2, "").branch());
        assertEquals(Branch.DERIVED_PARAMETERS, t.addDerivedParameter("w", 0.1, "").branch());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        Trajectory t = new Trajectory("t", 1);
        double[] v = {1, 2};
        Parameter p = t.addParameter("v", v, "");
        v[0] = 99;
        assertArrayEquals(new double[] {1, 2}, (double[]) p.value());
        ((double[]) p.value())[1] = 99;
        assertArrayEquals(new double[] {1, 2}, (double[]) p.value());
    }

    @Test
    void groupsAndLeavesKeepInsertionOrder() {
        Trajectory t = new Trajectory("t", 1);
        t.addParameter("zeta", 1);
        t.addParameter("net.b", 1);
        t.addParameter("alpha", 1);
        t.addParameter("net.a", 1);
        List<String> order = new ArrayList<>();
        t.root(Branch.PARAMETERS).children().forEach(c -> order.add(c.name()));
        assertEquals(List.of("zeta", "net", "alpha"), order);
        List<String> leaves = new ArrayList<>();
        t.leaves(Branch.PARAMETERS).forEach(l -> leaves.add(l.fullPath()));
        assertEquals(List.of("parameters.zeta", "parameters.net.b", "parameters.net.a", "parameters.alpha"), leaves);
    }

    @Test
    void groupCommentsAreKept() {
        Trajectory t = new Trajectory("t", 1);
        Group g = t.addGroup(Branch.PARAMETERS, "net", "the network");
        t.addParameter("net.g", 5.0);
        assertEquals("the network", ((Group) t.node("parameters.net")).comment());
        assertInstanceOf(Group.class, t.node("net"));
        assertEquals(g, t.node("net"));
    }

    @Test
    void acceptsThePathWithItsBranchPrefix() {
        Trajectory t = new Trajectory("t", 1);
        assertEquals("parameters.net.g", t.addParameter("parameters.net.g", 1.0).fullPath());
        TrajectoryException e = assertThrows(InvalidNameException.class, () -> t.addParameter("results.x", 1));
        assertTrue(e.getMessage().contains("results"), e.getMessage());
    }

    @Test
    void unsupportedTypeNamesTheClassAndTheAllowedTypes() {
        Trajectory t = new Trajectory("t", 1);
        UnsupportedValueTypeException e = assertThrows(UnsupportedValueTypeException.class,
                () -> t.addParameter("f", 1.5f));
        assertTrue(e.getMessage().contains("java.lang.Float"), e.getMessage());
        assertTrue(e.getMessage().contains("double[]"), e.getMessage());
        assertThrows(UnsupportedValueTypeException.class, () -> t.addParameter("l", List.of(1)));
        assertThrows(UnsupportedValueTypeException.class, () -> t.addParameter("n", null));
    }

    @Test
    void duplicateLeafIsAnError() {
        Trajectory t = new Trajectory("t", 1);
        t.addParameter("net.g", 1.0);
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> t.addParameter("net.g", 2.0));
        assertTrue(e.getMessage().contains("parameters.net.g"), e.getMessage());
    }

    @Test
    void leafCannotHoldChildrenAndGroupCannotBeALeaf() {
        Trajectory t = new Trajectory("t", 1);
        t.addParameter("net.g", 1.0);
        assertThrows(DuplicateNameException.class, () -> t.addParameter("net.g.x", 2.0));
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> t.addParameter("net", 2.0));
        assertTrue(e.getMessage().contains("group"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "a-b", "", "a..b", "a.", ".a", "with space", "net.9"})
    void invalidNamesAreRefusedWithTheBadSegment(String name) {
        Trajectory t = new Trajectory("t", 1);
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> t.addParameter(name, 1));
        assertTrue(e.getMessage().contains("identifier") || e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void invalidTrajectoryName() {
        assertThrows(InvalidNameException.class, () -> new Trajectory("my sweep", 1));
    }

    @Test
    void unexploredTrajectoryHasOneRun() {
        Trajectory t = new Trajectory("t", 1);
        t.addParameter("x", 1);
        assertEquals(1, t.runCount());
        assertEquals(1, t.openRun(0).get("x"));
        assertThrows(NoSuchNodeException.class, () -> t.openRun(1));
    }
}
