package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutsTest {
    @AfterEach
    void clear() {
        System.clearProperty(Timeouts.PROPERTY);
        System.clearProperty("pekko.remote.artery.bind.bind-timeout");
        com.typesafe.config.ConfigFactory.invalidateCaches(); // the config library caches the system properties
    }

    @Test
    void theScaleMultipliesEveryPekkoWait() {
        Config plain = ClusterConfig.worker("127.0.0.1", 0, null, false, "127.0.0.1", 25520, Duration.ofSeconds(60));
        System.setProperty(Timeouts.PROPERTY, "3");
        Config scaled = ClusterConfig.worker("127.0.0.1", 0, null, false, "127.0.0.1", 25520, Duration.ofSeconds(60));
        for (String key : new String[] {"pekko.remote.artery.bind.bind-timeout", "pekko.remote.artery.advanced.tcp.connection-timeout",
            "pekko.logger-startup-timeout", "pekko.cluster.failure-detector.acceptable-heartbeat-pause",
            "pekko.cluster.seed-node-timeout", "pekko.cluster.retry-unsuccessful-join-after"}) {
            assertEquals(3 * plain.getDuration(key).toMillis(), scaled.getDuration(key).toMillis(), key);
        }
        assertEquals(Duration.ofSeconds(180), scaled.getDuration("pekko.remote.artery.bind.bind-timeout"),
                "the bind that killed a worker on a loaded machine waits 60 s times the scale (Pekko's default: 3 s)");
        assertEquals(Duration.ofSeconds(30), Timeouts.ofSeconds(10));
    }

    @Test
    void aSystemPropertyOverridesAnySingleSetting() {
        System.setProperty("pekko.remote.artery.bind.bind-timeout", "300s");
        com.typesafe.config.ConfigFactory.invalidateCaches();
        Config c = ClusterConfig.coordinator("127.0.0.1", 0, null, false);
        assertEquals(Duration.ofSeconds(300), c.getDuration("pekko.remote.artery.bind.bind-timeout"));
        assertEquals("coordinator", c.getStringList("pekko.cluster.roles").get(0), "the rest is ours");
    }

    @Test
    void anUnusableScaleIsRefusedNamingItAndTheRange() {
        for (String bad : new String[] {"fast", "0", "-2", "1000", "NaN"}) {
            System.setProperty(Timeouts.PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Timeouts::scale);
            assertTrue(e.getMessage().contains("-Dneurosweep.timeout-scale='" + bad + "'") && e.getMessage().contains("0.1 to 100"),
                    e.getMessage());
        }
        System.setProperty(Timeouts.PROPERTY, " 0.5 ");
        assertEquals(0.5, Timeouts.scale());
    }
}
