package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The cluster's configuration keeps the coordinator up whatever the workers do. */
class ClusterConfigTest {
    @Test
    void workersComingAndGoingNeverDownTheCoordinator() {
        for (Config c : new Config[] {ClusterConfig.coordinator("127.0.0.1", 0, null, false),
                ClusterConfig.worker("127.0.0.1", 0, null, false, "127.0.0.1", 25520, Duration.ofSeconds(60))}) {
            String sbr = "pekko.cluster.split-brain-resolver.";
            assertEquals("keep-oldest", c.getString(sbr + "active-strategy"));
            assertEquals("coordinator", c.getString(sbr + "keep-oldest.role"));
            // Pekko's default ('on') downs every node, the coordinator too, once reachability has kept changing
            // for a few seconds: what a cluster whose workers are killed and replaced does all the time
            assertEquals("off", c.getString(sbr + "down-all-when-unstable"));
        }
    }
}
