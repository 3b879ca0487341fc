package io.github.understudy.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The testkit's per-user cache: server binaries extracted from their Maven jars and initialised data-directory
 * templates, each built once (under a file lock, so parallel JVMs don't race) and reused by every later run.
 */
public final class Cache {

    /** System property naming the cache directory; default {@code ~/.cache/understudy}. */
    public static final String CACHE_DIR_PROPERTY = "understudy.testkit.cacheDir";

    private Cache() {
    }

    public static Path root() {
        String configured = System.getProperty(CACHE_DIR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("UNDERSTUDY_TESTKIT_CACHE");
        }
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "understudy")
                : Path.of(configured);
        return root.toAbsolutePath();
    }

    /**
     * Returns {@code root()/name}, building it first with {@code builder} into a temporary sibling that is renamed
     * into place only when complete, so an interrupted build is never mistaken for a finished one.
     */
    public static Path entry(String name, Consumer<Path> builder) {
        Path target = root().resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(root());
            try (FileChannel channel = FileChannel.open(root().resolve("." + name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.isDirectory(target)) {
                    return target;
                }
                Path partial = root().resolve("." + name + ".partial-" + ProcessHandle.current().pid());
                Files.deleteIfExists(partial);
                FileTree.delete(partial);
                builder.accept(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the testkit cache entry " + target, e);
        }
    }

    /** Finds the jar that holds {@code resource} on the class path, or null when it is not there. */
    public static JarFile jarHolding(String resource) {
        URL url = Cache.class.getClassLoader().getResource(resource);
        if (url == null) {
            return null;
        }
        try {
            if (!(url.openConnection() instanceof JarURLConnection connection)) {
                throw new IllegalStateException(resource + " must come from a jar, but was found at " + url);
            }
            connection.setUseCaches(false);
            return new JarFile(connection.getJarFileURL().getPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jar holding " + resource, e);
        }
    }

    /** Extracts every entry of {@code jar} under {@code prefix} into {@code target}, without the prefix. */
    public static void extract(JarFile jar, String prefix, Path target) throws IOException {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                continue;
            }
            Path file = target.resolve(entry.getName().substring(prefix.length())).normalize();
            if (!file.startsWith(target)) {
                throw new IOException("jar entry escapes the target directory: " + entry.getName());
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
