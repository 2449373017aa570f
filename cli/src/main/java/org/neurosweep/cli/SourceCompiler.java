package org.neurosweep.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one Java source file against neurosweep's class path, as {@code java File.java} does, into a
 * temporary class directory that worker JVMs can read and cluster nodes receive; removed when this JVM
 * exits.
 */
final class SourceCompiler {
    /** The compiled classes' directory and the top-level classes, in the order javac wrote them. */
    record Compiled(Path classes, List<String> topLevelClasses) {
    }

    private SourceCompiler() {
    }

    static Compiled compile(Path source) throws UsageException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UsageException("cannot compile " + source + ": this Java runtime has no compiler (javax.tools);"
                    + " run neurosweep with a JDK, or compile the sweep and give --classpath");
        }
        Path out;
        try {
            out = Files.createTempDirectory("neurosweep-classes-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the compiled classes: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Directories.delete(out);
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-encoding", "UTF-8", "-g", "-Xlint:none");
            StringWriter noise = new StringWriter();
            ok = javac.getTask(noise, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile())).call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + source + ": " + e.getMessage(), e);
        }
        if (!ok) {
            StringBuilder b = new StringBuilder(source + " does not compile:");
            int shown = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && shown++ < 5) {
                    b.append(System.lineSeparator()).append("  line ").append(d.getLineNumber()).append(": ")
                            .append(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            throw new UsageException(b.toString());
        }
        List<String> top = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .sorted()
                    .forEach(p -> {
                        String rel = out.relativize(p).toString();
                        top.add(rel.substring(0, rel.length() - ".class".length()).replace(java.io.File.separatorChar, '.'));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the compiled classes: " + e.getMessage(), e);
        }
        return new Compiled(out, top);
    }
}
