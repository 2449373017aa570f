package org.neurosweep.trajectory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of neurosweep, from the build; stamped into every stored trajectory. */
public final class Version {
    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from classes without the build's resource. */
    public static final String NEUROSWEEP = read();

    private Version() {
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/neurosweep-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
