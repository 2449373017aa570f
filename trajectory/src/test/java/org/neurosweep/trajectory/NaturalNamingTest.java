package org.neurosweep.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NaturalNamingTest {
    private Trajectory t;
    private Parameter g;

    @BeforeEach
    void build() {
        t = new Trajectory("t", 1);
        g = t.addParameter("net.g", 5.0);
        t.addParameter("net.exc.rate", 10.0);
        t.addParameter("net.inh.rate", 20.0);
        t.addParameter("eta", 2.0);
    }

    @Test
    void fullPathAndEveryUniqueSuffixFindTheLeaf() {
        assertSame(g, t.node("parameters.net.g"));
        assertSame(g, t.node("net.g"));
        assertSame(g, t.node("g"));
        assertEquals(5.0, t.value("g"));
        assertEquals(10.0, t.value("exc.rate"));
    }

    @Test
    void ambiguousShortcutListsTheCandidates() {
        AmbiguousNameException e = assertThrows(AmbiguousNameException.class, () -> t.node("rate"));
        assertTrue(e.getMessage().contains("parameters.net.exc.rate"), e.getMessage());
        assertTrue(e.getMessage().contains("parameters.net.inh.rate"), e.getMessage());
    }

    @Test
    void missingNameListsTheSiblingsOfItsGroup() {
        NoSuchNodeException e = assertThrows(NoSuchNodeException.class, () -> t.node("net.gg"));
        assertTrue(e.getMessage().contains("parameters.net.g"), e.getMessage());
        assertTrue(e.getMessage().contains("parameters.net.exc"), e.getMessage());
    }

    @Test
    void missingNameListsSimilarNames() {
        NoSuchNodeException e = assertThrows(NoSuchNodeException.class, () -> t.node("etta"));
        assertTrue(e.getMessage().contains("parameters.eta"), e.getMessage());
    }

    @Test
    void aSuffixMustMatchWholeSegments() {
        assertThrows(NoSuchNodeException.class, () -> t.node("et"));
        assertThrows(NoSuchNodeException.class, () -> t.node("c.rate"));
    }

    @Test
    void resultIsNotAParameter() {
        t.addResult("final_rate", 1.0, "");
        NoSuchNodeException e = assertThrows(NoSuchNodeException.class, () -> t.parameter("final_rate"));
        assertTrue(e.getMessage().contains("results.final_rate"), e.getMessage());
        assertThrows(NoSuchNodeException.class, () -> t.leaf("net"));
    }

    @Test
    void laterAdditionsAreFound() {
        assertThrows(NoSuchNodeException.class, () -> t.node("tau"));
        t.addParameter("neuron.tau", 20.0);
        assertEquals(20.0, t.value("tau"));
    }
}
