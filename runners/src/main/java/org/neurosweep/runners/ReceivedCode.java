package org.neurosweep.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The user's code a cluster node received from its coordinator: unpacked into a temporary directory of
 * its own and loaded by a class loader whose parent holds neurosweep's classes. Closed (loader closed,
 * directory removed) when the node stops.
 */
final class ReceivedCode implements AutoCloseable {
    private final Path dir;
    private final URLClassLoader loader;

    private ReceivedCode(Path dir, URLClassLoader loader) {
        this.dir = dir;
        this.loader = loader;
    }

    static ReceivedCode unpack(byte[] packed, ClassLoader parent) {
        try {
            Path dir = Files.createTempDirectory("neurosweep-code-");
            dir.toFile().deleteOnExit();
            UserCode code = UserCode.unpack(packed, dir);
            return new ReceivedCode(dir, code.classLoader(parent));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the sweep's code from the coordinator: " + e.getMessage(), e);
        }
    }

    URLClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException ignored) {
            // the directory goes all the same
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing the node for
        }
    }
}
