package org.neurosweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neurosweep.cli.BrowserVerdict.Check;
import org.neurosweep.cli.BrowserVerdict.Problem;
import org.neurosweep.testkit.ExternalTool;

/**
 * A report page as Debian's Chromium renders it, headless, in a window of {@value #WIDTH} x {@value #HEIGHT}
 * px: {@link #check} copies the page's directory to a temporary one, adds report-check.js to the copy of the
 * page, has {@code chromium --dump-dom} print the page once it has loaded, and reads what the script wrote into
 * it. Then the same for every local page (.html) the page links to, and theirs. No WebDriver: one chromium
 * process per page, killed if it takes longer than {@value #TIMEOUT_SECONDS} s, its profile deleted.
 */
final class HeadlessBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;
    /** Generous: chromium starts in 1-2 s, but CI is a busy 2-core machine. */
    private static final int TIMEOUT_SECONDS = 120;
    private static final String COLLECT_ERRORS = "<script>window.neurosweepErrors=[];addEventListener('error',"
            + "e=>neurosweepErrors.push([e.filename,e.lineno,String(e.message)]));</script>";
    private static final String SVG_FILES_MARKER = "/*SVG_FILES*/[]";
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTPUT = Pattern.compile("<pre id=\"neurosweep-check\"[^>]*>(.*?)</pre>", Pattern.DOTALL);

    private HeadlessBrowser() {
    }

    /** Skips the test when chromium is missing, or fails it under CI (CI=true), whose .ci/run installs it. */
    static void require() {
        ExternalTool.require("chromium (Debian's package chromium)", CHROMIUM.toString(), "--version");
    }

    /**
     * Renders {@code page} and every local page it links to, directly or not; the first page's directory is
     * the report's, and every SVG file in it is parsed too.
     *
     * @throws IllegalStateException if chromium fails, takes too long, or prints no result of the checks
     */
    static BrowserVerdict check(Path page) throws IOException, InterruptedException {
        Path root = page.toAbsolutePath().normalize().getParent();
        Path copy = Files.createTempDirectory("neurosweep-browser");
        try {
            copyTree(root, copy);
            List<String> pages = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            Duration took = Duration.ZERO;
            Deque<Path> toRender = new ArrayDeque<>(List.of(root.relativize(page.toAbsolutePath().normalize())));
            Set<Path> seen = new HashSet<>(toRender);
            while (!toRender.isEmpty()) {
                Path relative = toRender.poll();
                String name = slashes(relative);
                pages.add(name);
                long start = System.nanoTime();
                List<String[]> lines = render(copy, relative, pages.size() == 1 ? svgFiles(copy) : List.of());
                took = took.plusNanos(System.nanoTime() - start);
                for (String[] line : lines) {
                    if (line[0].equals("problem")) {
                        problems.add(new Problem(Check.valueOf(line[1]), name, line[2], line[3]));
                        continue;
                    }
                    Path target = copy.relativize(Path.of(line[2]).normalize()); // line: link WHERE ABSOLUTE-PATH
                    if (target.startsWith("..")) {
                        problems.add(new Problem(Check.LINK_OUTSIDE, name, line[1], slashes(target) + " is outside the report's directory"));
                    } else if (!Files.exists(root.resolve(target))) {
                        problems.add(new Problem(Check.BROKEN_LINK, name, line[1], slashes(target) + " does not exist"));
                    } else if (target.toString().matches("(?i).*\\.html?") && seen.add(target)) {
                        toRender.add(target);
                    }
                }
            }
            return new BrowserVerdict(pages, problems, took);
        } finally {
            deleteTree(copy);
        }
    }

    /** Renders one page of the copied report directory; returns the lines the script wrote, decoded, without "done". */
    private static List<String[]> render(Path copy, Path relative, List<String> svgFiles) throws IOException, InterruptedException {
        Path page = copy.resolve(relative);
        Files.writeString(page, withChecks(new String(Files.readAllBytes(page), StandardCharsets.UTF_8), svgFiles));
        Path run = Files.createTempDirectory("neurosweep-chromium");
        Process p = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(command(run.resolve("profile"), page))
                    .redirectOutput(run.resolve("out").toFile()).redirectError(run.resolve("err").toFile());
            // Chromium's crash handler keeps its reports under the config home whatever the profile: keep them here too
            pb.environment().put("XDG_CONFIG_HOME", run.resolve("config").toString());
            p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chromium did not finish " + relative + " within " + TIMEOUT_SECONDS + " s:\n"
                        + tail(run.resolve("err")));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + p.exitValue() + " on " + relative + ":\n" + tail(run.resolve("err")));
            }
            List<String> lines = OUTPUT.matcher(Files.readString(run.resolve("out"))).results() // the last: the page may quote it
                    .reduce((first, last) -> last).map(m -> m.group(1).strip().lines().toList()).orElse(List.of());
            if (lines.isEmpty() || !lines.get(lines.size() - 1).equals("done")) {
                throw new IllegalStateException("the checks did not finish on " + relative + "; chromium printed:\n" + tail(run.resolve("err")));
            }
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(0, lines.size() - 1)) {
                out.add(Stream.of(line.split(" ")).map(f -> URLDecoder.decode(f, StandardCharsets.UTF_8)).toArray(String[]::new));
            }
            return out;
        } finally {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            deleteTree(run);
        }
    }

    /**
     * The flags: headless, no sandbox (CI runs as root), no GPU, and nothing that reaches out to Google (the
     * network is closed, and a refused connection only costs time); file: pages may read file: URLs, which the
     * SVG check does; a virtual-time budget lets the page settle (timers run at once) before the DOM is printed.
     */
    private static List<String> command(Path profile, Path page) {
        return List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--allow-file-access-from-files", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString());
    }

    /**
     * The page with report-check.js at its end, and first in its head one line that collects the page's uncaught
     * errors from the start (one line, so that the errors' line numbers are the page's).
     */
    private static String withChecks(String html, List<String> svgFiles) {
        StringBuilder files = new StringBuilder("[");
        for (String f : svgFiles) {
            files.append(files.length() > 1 ? "," : "").append(jsString(f));
        }
        String checks = "<script>" + script().replace(SVG_FILES_MARKER, files.append("]")) + "</script>";
        Matcher head = HEAD.matcher(html);
        return head.find() ? html.substring(0, head.end()) + COLLECT_ERRORS + html.substring(head.end()) + checks
                : html + COLLECT_ERRORS + checks; // no head: nothing may come before a doctype
    }

    private static String script() {
        try (InputStream in = HeadlessBrowser.class.getResourceAsStream("report-check.js")) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!js.contains(SVG_FILES_MARKER)) {
                throw new IllegalStateException("report-check.js has lost its marker " + SVG_FILES_MARKER);
            }
            return js;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JavaScript string literal that is also safe inside a script element: all but letters, digits and ./-_ escaped. */
    private static String jsString(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || "./-_".indexOf(c) >= 0 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.append('\'').toString();
    }

    /** The SVG files under {@code dir}, relative to it. */
    private static List<String> svgFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".svg") && Files.isRegularFile(f))
                    .map(f -> slashes(dir.relativize(f))).sorted().toList();
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.contains("dbus")).toList(); // a container has no D-Bus, and chromium says so, often
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Deletes {@code dir}; tries again for a while if a file appears meanwhile (chromium's crash handler outlives it briefly). */
    private static void deleteTree(Path dir) throws IOException, InterruptedException {
        for (int attempt = 1; Files.exists(dir); attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(f);
                }
            } catch (DirectoryNotEmptyException | NoSuchFileException | UncheckedIOException raced) {
                if (attempt == 10) {
                    throw new IOException("cannot delete " + dir, raced);
                }
                Thread.sleep(200);
            }
        }
    }
}
