package org.neurosweep.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text output whole or not at all: into a temporary file beside it, then renamed into place,
 * so that a full disk or a kill never leaves a half-written CSV or spike file under the name asked for.
 */
final class WholeFile {
    private WholeFile() {
    }

    /** What writes the text. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** @throws IOException naming the file, when it cannot be written */
    static void write(Path file, Content content) throws IOException {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
