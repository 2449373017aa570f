package org.neurosweep.runners;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The user's code that worker JVMs and cluster nodes need beyond neurosweep's own classes: class path
 * entries (jars and class directories). PROCESSES workers get them on their class path; CLUSTER nodes,
 * which may not have the user's files, receive them packed with the frozen input (as Spark ships
 * {@code --jars}) and load them in a class loader of their own.
 *
 * <p>{@link #hash()} is a SHA-256 over the entries' contents (names and bytes of every file, in name
 * order; not timestamps), so that a rebuilt but unchanged jar keeps its hash and {@code resume} can tell
 * changed code from the same code.
 */
public final class UserCode {
    /** Packed code larger than this is refused: nodes keep it in memory and on disk for each sweep. */
    public static final long MAX_PACKED_BYTES = 512L << 20;

    private final List<Path> classPath;

    private UserCode(List<Path> classPath) {
        this.classPath = List.copyOf(classPath);
    }

    /**
     * Code from these class path entries, each an existing jar or directory.
     *
     * @throws IllegalArgumentException naming an entry that is missing or neither a jar nor a directory
     */
    public static UserCode of(List<Path> classPath) {
        List<Path> entries = new ArrayList<>();
        for (Path p : classPath) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                entries.add(abs);
            } else if (Files.isRegularFile(abs) && isZip(abs)) {
                entries.add(abs);
            } else {
                throw new IllegalArgumentException("class path entry '" + p + "' " + (Files.exists(abs)
                        ? "is neither a directory nor a jar" : "does not exist"));
            }
        }
        return new UserCode(entries);
    }

    private static boolean isZip(Path p) {
        try (ZipFile z = new ZipFile(p.toFile())) {
            return z.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The entries, absolute, in class path order. */
    public List<Path> classPath() {
        return classPath;
    }

    /** The entries joined with the platform's path separator, for {@code -cp}. */
    public String classPathText() {
        List<String> parts = new ArrayList<>();
        classPath.forEach(p -> parts.add(p.toString()));
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** A class loader over the entries, with {@code parent} for neurosweep's own classes. */
    public URLClassLoader classLoader(ClassLoader parent) {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("class path entry " + classPath.get(i) + " has no URL", e);
            }
        }
        return new URLClassLoader("neurosweep-user-code", urls, parent);
    }

    /** The SHA-256 of the contents, in hex. */
    public String hash() {
        MessageDigest d = sha256();
        for (Path entry : classPath) {
            for (var e : contents(entry).entrySet()) {
                d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(e.getValue());
            }
            d.update((byte) 1);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Every file of an entry by its name inside the entry (jar entries, or paths below the directory). */
    private static TreeMap<String, byte[]> contents(Path entry) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())::iterator) {
                        files.put(entry.relativize(f).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarInputStream in = new JarInputStream(Files.newInputStream(entry), false)) {
                    JarEntry e;
                    while ((e = in.getNextJarEntry()) != null) {
                        if (!e.isDirectory()) {
                            files.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user's code in " + entry + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** The code as one byte array for the wire: each entry as a jar, in order. */
    public byte[] pack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(classPath.size());
            for (Path entry : classPath) {
                byte[] jar = Files.isDirectory(entry) ? jarOf(contents(entry)) : Files.readAllBytes(entry);
                out.writeUTF(entry.getFileName().toString());
                out.writeInt(jar.length);
                out.write(jar);
                if (out.size() > MAX_PACKED_BYTES) {
                    throw new IllegalArgumentException("the user's code is larger than " + (MAX_PACKED_BYTES >> 20)
                            + " MiB packed; a cluster node receives it with every sweep: put large data in files instead");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the user's code: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static byte[] jarOf(TreeMap<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(0); // the same bytes for the same code
                jar.putNextEntry(e);
                jar.write(f.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks code received from a coordinator into {@code dir} (one jar per entry) and returns it.
     *
     * @throws IOException if the bytes are not packed code or cannot be written
     */
    public static UserCode unpack(byte[] packed, Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        List<Path> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int n = in.readInt();
            if (n < 0 || n > 10_000) {
                throw new IOException("packed code claims " + n + " entries");
            }
            for (int i = 0; i < n; i++) {
                String name = in.readUTF().replaceAll("[^A-Za-z0-9._-]", "_");
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("packed code entry " + i + " claims " + length + " bytes");
                }
                Path jar = dir.resolve(i + "-" + (name.endsWith(".jar") ? name : name + ".jar"));
                try (InputStream part = new java.io.ByteArrayInputStream(in.readNBytes(length))) {
                    Files.copy(part, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                entries.add(jar);
            }
        }
        return new UserCode(entries);
    }

    /** The SHA-256 of {@code bytes} in hex: what {@code resume} compares for a sweep given as one source file. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return classPathText();
    }
}
