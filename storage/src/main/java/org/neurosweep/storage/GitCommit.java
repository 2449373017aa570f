package org.neurosweep.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The commit checked out in a git working directory, read from {@code .git} without running git. */
final class GitCommit {
    private GitCommit() {
    }

    /** The commit hash of the working directory containing {@code dir}, or null if there is none. */
    static String find(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            try {
                if (Files.isRegularFile(git)) {
                    String line = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (line.startsWith("gitdir:")) {
                        return headOf(d.resolve(line.substring(7).trim()));
                    }
                } else if (Files.isDirectory(git)) {
                    return headOf(git);
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static String headOf(Path gitDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref:")) {
            return head.isEmpty() ? null : head;
        }
        String ref = head.substring(4).trim();
        Path loose = gitDir.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return Files.readString(loose, StandardCharsets.UTF_8).trim();
        }
        Path commonDir = gitDir.resolve("commondir");
        Path common = Files.isRegularFile(commonDir)
                ? gitDir.resolve(Files.readString(commonDir, StandardCharsets.UTF_8).trim()) : gitDir;
        if (Files.isRegularFile(common.resolve(ref))) {
            return Files.readString(common.resolve(ref), StandardCharsets.UTF_8).trim();
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return line.substring(0, line.indexOf(' '));
                }
            }
        }
        return null; // a branch with no commit yet
    }
}
