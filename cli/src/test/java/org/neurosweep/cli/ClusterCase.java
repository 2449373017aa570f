package org.neurosweep.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of cluster commands in JVMs of their own: a directory for their files and logs; leftovers killed. */
abstract class ClusterCase {
    @TempDir
    Path dir;

    ClusterNodes jvms;

    @BeforeEach
    void startJvms() {
        jvms = new ClusterNodes(dir);
    }

    @AfterEach
    void killLeftovers() {
        jvms.close();
    }
}
