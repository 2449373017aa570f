package org.neurosweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.neurosweep.trajectory.Version;

/**
 * The files of the Maven project {@code neurosweep new} writes: a pom that depends on neurosweep at this
 * version (Java, plugin and library versions as neurosweep's own build uses, from the build-filtered
 * {@code new/versions.properties}), one sweep class, its JUnit test, a README, and the logging
 * configuration of the SLF4J provider the pom adds. The contents are the templates in
 * {@code org/neurosweep/cli/new/} with their {@code {{PLACEHOLDERS}}} filled in.
 */
final class NewProject {
    /** The package and groupId when none is given. */
    static final String DEFAULT_PACKAGE = "com.example";
    /** The sweep's class name when none is given. */
    static final String DEFAULT_CLASS = "MySweep";

    private static final Pattern ASCII_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z][A-Z0-9_]*)}}");
    private static final Pattern NOT_IN_ARTIFACT_ID = Pattern.compile("[^A-Za-z0-9_.-]+");

    private final String packageName;
    private final String className;
    private final String artifactId;
    private final String launcher;

    /**
     * @param packageName the sweep's package, also the project's groupId
     * @param className   the sweep's class name
     * @param artifactId  the project's artifactId
     * @param launcher    how the README runs the neurosweep command (a path, or just {@code neurosweep})
     * @throws IllegalArgumentException naming a package or class name Java does not accept
     */
    NewProject(String packageName, String className, String artifactId, String launcher) {
        if (!ASCII_NAME.matcher(packageName).matches() || !SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("--package '" + packageName + "' is not a Java package name:"
                    + " dotted identifiers of ASCII letters, digits and _, no keywords, such as " + DEFAULT_PACKAGE);
        }
        if (className.contains(".") || !ASCII_NAME.matcher(className).matches() || !SourceVersion.isName(className)) {
            throw new IllegalArgumentException("--name '" + className + "' is not a Java class name: an identifier of"
                    + " ASCII letters, digits and _ that is no keyword, such as " + DEFAULT_CLASS);
        }
        this.packageName = packageName;
        this.className = className;
        this.artifactId = artifactId;
        this.launcher = launcher;
    }

    /**
     * The artifactId for a project written into {@code dir}: the directory's name as Maven allows it, or
     * the class name in lower case with dashes ({@code MySweep} gives {@code my-sweep}).
     */
    static String artifactIdFor(Path dir, String className) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String fromDir = name == null ? "" : NOT_IN_ARTIFACT_ID.matcher(name.toString()).replaceAll("-")
                .replaceAll("^[-.]+|[-.]+$", "");
        return fromDir.isEmpty() ? words(className, "-") : fromDir;
    }

    /** {@code MySweep} as {@code my_sweep} (the trajectory's name, hence the default file my_sweep.h5). */
    String trajectoryName() {
        return words(className, "_");
    }

    /** The sweep's fully qualified class name. */
    String sweepClass() {
        return packageName + "." + className;
    }

    /** The project's files: path relative to the project's directory, and content, in the order to list them. */
    Map<Path, String> files() {
        Map<String, String> values = new LinkedHashMap<>();
        Properties versions = versions();
        values.put("GROUP_ID", packageName);
        values.put("ARTIFACT_ID", artifactId);
        values.put("PACKAGE", packageName);
        values.put("CLASS", className);
        values.put("TRAJECTORY", trajectoryName());
        values.put("LAUNCHER", launcher);
        values.put("NEUROSWEEP_VERSION", Version.NEUROSWEEP);
        values.put("JAVA", versions.getProperty("java"));
        values.put("SLF4J_VERSION", versions.getProperty("slf4j"));
        values.put("JUNIT_VERSION", versions.getProperty("junit"));
        values.put("COMPILER_PLUGIN_VERSION", versions.getProperty("compilerPlugin"));
        values.put("SUREFIRE_PLUGIN_VERSION", versions.getProperty("surefirePlugin"));

        Path sources = Path.of(packageName.replace('.', '/'));
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(Path.of("pom.xml"), fill("pom.xml.tmpl", values));
        files.put(Path.of("README.md"), fill("README.md.tmpl", values));
        files.put(Path.of("src/main/java").resolve(sources).resolve(className + ".java"), fill("Sweep.java.tmpl", values));
        files.put(Path.of("src/test/java").resolve(sources).resolve(className + "Test.java"),
                fill("SweepTest.java.tmpl", values));
        files.put(Path.of("src/main/resources/simplelogger.properties"), fill("simplelogger.properties.tmpl", values));
        return files;
    }

    /** Writes the files below {@code dir}, creating directories as needed; returns their paths, relative to it. */
    Set<Path> writeInto(Path dir) throws IOException {
        Map<Path, String> files = files();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
        }
        return files.keySet();
    }

    /** The versions neurosweep's build wrote into {@code new/versions.properties}. */
    static Properties versions() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(resource("versions.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : List.of("java", "slf4j", "junit", "compilerPlugin", "surefirePlugin")) {
            String v = p.getProperty(key, "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("new/versions.properties was not filled in by the build: " + key + "=" + v);
            }
        }
        return p;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(resource(template));
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + template + " has an unknown placeholder " + m.group());
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        if (filled.indexOf("{{") >= 0) {
            throw new IllegalStateException("template " + template + " has a malformed placeholder at "
                    + filled.substring(filled.indexOf("{{"), Math.min(filled.length(), filled.indexOf("{{") + 30)));
        }
        return filled.toString();
    }

    private static String resource(String name) {
        try (InputStream in = NewProject.class.getResourceAsStream("new/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the template new/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The camel-case words of an identifier in lower case, joined: {@code MySweep} → {@code my_sweep}. */
    private static String words(String identifier, String separator) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2").toLowerCase(Locale.ROOT);
    }
}
