package org.neurosweep.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.explore.SweepDefinition;
import org.neurosweep.runners.UserCode;
import org.neurosweep.samples.Samples;
import org.neurosweep.trajectory.Trajectory;

/**
 * Where a sweep's definition comes from: a built-in sample ({@code run brunel}), a Java source file
 * compiled here ({@code run MySweep.java}, as {@code java MySweep.java} does), or a class on a class path
 * ({@code run --classpath my.jar com.me.MySweep}). A user's sweep carries its {@link UserCode}, which
 * worker JVMs and cluster nodes receive, and a hash of its code, which {@code resume} compares.
 *
 * @param definition the sweep
 * @param code       the user's code, or null for a built-in sample
 * @param kind       {@code sample}, {@code source} or {@code classpath}
 * @param location   the sample's name, the source file's absolute path, or the class path (absolute)
 * @param className  the definition's class
 * @param hash       SHA-256 of the source file or of the class path's contents; empty for a sample
 */
record SweepSource(SweepDefinition definition, UserCode code, String kind, String location, String className, String hash) {
    /** Config leaves recording where a stored sweep's code came from, so that {@code resume} finds it. */
    static final String KIND = "neurosweep.code.kind";
    static final String LOCATION = "neurosweep.code.location";
    static final String CLASS = "neurosweep.code.class";
    static final String HASH = "neurosweep.code.sha256";

    /**
     * The sweep named on the command line: with a class path, {@code arg} is a class name; otherwise a
     * path ending in {@code .java}, or a sample's name.
     */
    static SweepSource resolve(String arg, String classPath) throws UsageException {
        if (classPath != null) {
            return fromClassPath(classPath, arg);
        }
        if (arg.endsWith(".java")) {
            return fromSource(Path.of(arg));
        }
        try {
            SweepDefinition s = Samples.byName(arg);
            return new SweepSource(s, null, "sample", s.name(), s.getClass().getName(), "");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; or give a file MySweep.java, or --classpath CP CLASS");
        }
    }

    /** Records where the code is, and its hash, in the trajectory's config. */
    void record(Trajectory t) {
        if (code == null) {
            t.addConfig(SweepExecution.SAMPLE_CONFIG, location, "the sample whose run function this trajectory uses");
            return;
        }
        t.addConfig(KIND, kind, "where the sweep's code came from: source (a .java file) or classpath");
        t.addConfig(LOCATION, location, "the source file or class path the sweep was run from");
        t.addConfig(CLASS, className, "the class implementing org.neurosweep.explore.SweepDefinition");
        t.addConfig(HASH, hash, "SHA-256 of the source file or of the class path's contents; resume compares it");
    }

    static SweepSource fromClassPath(String classPath, String className) throws UsageException {
        List<Path> entries = new ArrayList<>();
        for (String part : classPath.split(File.pathSeparator, -1)) {
            if (part.isBlank()) {
                throw new UsageException("--classpath '" + classPath + "' has an empty entry; separate entries with '"
                        + File.pathSeparator + "'");
            }
            entries.add(Path.of(part.trim()));
        }
        UserCode code;
        try {
            code = UserCode.of(entries);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--classpath: " + e.getMessage());
        }
        ClassLoader loader = code.classLoader(SweepSource.class.getClassLoader());
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("class '" + className + "' is not on --classpath " + classPath
                    + (className.endsWith(".java") ? " (give a .java file without --classpath)" : ""));
        }
        return new SweepSource(instantiate(c, className), code, "classpath", code.classPathText(), className, code.hash());
    }

    static SweepSource fromSource(Path source) throws UsageException {
        if (!Files.isRegularFile(source)) {
            throw new UsageException("source file '" + source + "' does not exist or is not a file");
        }
        SourceCompiler.Compiled compiled = SourceCompiler.compile(source);
        UserCode code = UserCode.of(List.of(compiled.classes()));
        ClassLoader loader = code.classLoader(SweepSource.class.getClassLoader());
        List<Class<?>> sweeps = new ArrayList<>();
        Class<?> named = null;
        for (String name : compiled.topLevelClasses()) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (SweepDefinition.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                sweeps.add(c);
                if (c.getSimpleName().equals(stem(source))) {
                    named = c;
                }
            }
        }
        if (sweeps.isEmpty()) {
            throw new UsageException(source + " declares no class implementing " + SweepDefinition.class.getName()
                    + " (classes: " + compiled.topLevelClasses() + ")");
        }
        if (sweeps.size() > 1 && named == null) {
            throw new UsageException(source + " declares several sweeps " + sweeps.stream().map(Class::getName).toList()
                    + "; name the file after the one to run");
        }
        Class<?> c = named != null ? named : sweeps.get(0);
        String hash;
        try {
            hash = UserCode.sha256(Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UsageException("cannot read " + source + ": " + e.getMessage());
        }
        return new SweepSource(instantiate(c, c.getName()), code, "source", source.toAbsolutePath().normalize().toString(),
                c.getName(), hash);
    }

    private static String stem(Path source) {
        String n = source.getFileName().toString();
        return n.substring(0, n.length() - ".java".length());
    }

    private static SweepDefinition instantiate(Class<?> c, String name) throws UsageException {
        if (!SweepDefinition.class.isAssignableFrom(c)) {
            throw new UsageException("class " + name + " does not implement " + SweepDefinition.class.getName());
        }
        try {
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return (SweepDefinition) k.newInstance();
        } catch (NoSuchMethodException e) {
            throw new UsageException("class " + name + " needs a constructor without arguments");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
            throw new UsageException("cannot create " + name + ": " + cause);
        }
    }

    /** The class loader of the user's classes, or this one's for a sample. */
    ClassLoader loader() {
        return definition.getClass().getClassLoader();
    }
}
