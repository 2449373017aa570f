package org.neurosweep.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources as a user's build would, with the JDK's compiler against this test's class path
 * (every neurosweep module and JUnit), and loads the classes.
 */
final class JavaSources {
    private JavaSources() {
    }

    /**
     * Compiles the files into {@code classes}.
     *
     * @throws AssertionError with the compiler's messages if a file does not compile
     */
    static void compile(List<Path> sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("this JVM has no Java compiler (a JRE, not a JDK?)");
        }
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Files.createDirectories(classes);
            List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
            boolean ok = javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            if (!ok) {
                throw new AssertionError("javac failed on " + sources + ":\n" + messages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over {@code classes}, its parent the test's own (which has neurosweep and JUnit). */
    static URLClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaSources.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
