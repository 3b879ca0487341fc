package io.github.understudy.benchmarks.routing;

import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.ClusterConfigs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.util.Arrays;
import java.util.Properties;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * What is measured: Understudy and what users would pick instead, each on its read path (the caller marks the
 * connection read-only before its first statement) and its write path, against plain HikariCP pools on the same
 * nodes (the baselines). Every pool has Understudy's default pool settings. The baselines and the
 * {@code -tuned} variants get the driver properties Understudy sets for itself (client-side session state); the
 * alternatives otherwise run with Connector/J's defaults, as their users get them.
 */
public enum Variant {

    /** Baseline of the write path: one HikariCP pool on the master. */
    HIKARI_MASTER("hikari-master", false, false, true),
    /** Baseline of the read path: one HikariCP pool of read-only connections on the first replica. */
    HIKARI_REPLICA("hikari-replica", true, false, true),
    /** Understudy, a write (or unflagged work): goes to the master. */
    UNDERSTUDY_WRITE("understudy-write", false, false, true),
    /** Understudy, {@code setReadOnly(true)}: goes to a replica. */
    UNDERSTUDY_READ("understudy-read", true, true, true),
    /** Connector/J's {@code jdbc:mysql:replication://} URL under HikariCP, read-write, driver defaults. */
    CONNECTORJ_WRITE("connectorj-write", false, false, false),
    /** Connector/J's replication URL under HikariCP, {@code setReadOnly(true)}: switches to a replica. */
    CONNECTORJ_READ("connectorj-read", true, true, false),
    /** As {@link #CONNECTORJ_WRITE}, with client-side session state. */
    CONNECTORJ_TUNED_WRITE("connectorj-tuned-write", false, false, true),
    /** As {@link #CONNECTORJ_READ}, with client-side session state. */
    CONNECTORJ_TUNED_READ("connectorj-tuned-read", true, true, true),
    /** Spring's {@code LazyConnectionDataSourceProxy} with a read-only DataSource, read-write. */
    SPRING_LAZY_WRITE("spring-lazy-write", false, false, false),
    /** Spring's proxy, {@code setReadOnly(true)} before the first statement: takes the read-only DataSource. */
    SPRING_LAZY_READ("spring-lazy-read", true, true, false);

    private final String label;
    private final boolean read;
    private final boolean setsReadOnly;
    private final boolean tuned;

    Variant(String label, boolean read, boolean setsReadOnly, boolean tuned) {
        this.label = label;
        this.read = read;
        this.setsReadOnly = setsReadOnly;
        this.tuned = tuned;
    }

    /**
     * @param label e.g. {@code understudy-read}
     * @return that variant
     */
    public static Variant of(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("variant must be one of " + Arrays.stream(values())
                        .map(Variant::label).toList() + ", but was " + label));
    }

    /** @return the name used in JMH parameters and reports */
    public String label() {
        return label;
    }

    /** @return whether it measures the read path */
    public boolean read() {
        return read;
    }

    /** @return whether the caller marks the connection read-only (the routing variants' read path) */
    public boolean setsReadOnly() {
        return setsReadOnly;
    }

    /** @return the plain-HikariCP variant on the same node: the baseline of this one */
    public Variant baseline() {
        return read ? HIKARI_REPLICA : HIKARI_MASTER;
    }

    /**
     * Opens the DataSource; close it with {@link Opened#close()}.
     *
     * @param cluster the servers
     * @return the DataSource and what to close
     */
    public Opened open(ClusterAccess cluster) {
        return switch (this) {
            case HIKARI_MASTER -> opened(hikari(cluster, "jdbc:mysql://" + cluster.master(), false, true));
            case HIKARI_REPLICA -> opened(hikari(cluster, "jdbc:mysql://" + cluster.replicas().get(0), true, true));
            case UNDERSTUDY_WRITE, UNDERSTUDY_READ -> {
                UnderstudyDataSource understudy = new UnderstudyDataSource(understudy(cluster));
                yield new Opened(understudy, understudy::close);
            }
            case CONNECTORJ_WRITE, CONNECTORJ_READ, CONNECTORJ_TUNED_WRITE, CONNECTORJ_TUNED_READ -> opened(hikari(
                    cluster, "jdbc:mysql:replication://" + String.join(",", cluster.hosts()), false, tuned));
            case SPRING_LAZY_WRITE, SPRING_LAZY_READ -> spring(cluster);
        };
    }

    private static Opened opened(HikariDataSource pool) {
        return new Opened(pool, pool::close);
    }

    private static Opened spring(ClusterAccess cluster) {
        HikariDataSource master = hikari(cluster, "jdbc:mysql://" + cluster.master(), false, false);
        HikariDataSource replica = hikari(cluster, "jdbc:mysql://" + cluster.replicas().get(0), true, false);
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(master);
        proxy.setReadOnlyDataSource(replica);
        return new Opened(proxy, () -> {
            replica.close();
            master.close();
        });
    }

    private static UnderstudyConfig understudy(ClusterAccess cluster) {
        return ClusterConfigs.defaults(cluster, "bench").build();
    }

    /**
     * A pool set up as Understudy sets up its own: its default pool settings (10 connections, 2 idle, 250 ms
     * connection timeout), its default driver timeouts (connect 1 s, socket 30 s), no failure when the first
     * connection is slow to come, and, when {@code tuned}, client-side session state.
     */
    private static HikariDataSource hikari(ClusterAccess cluster, String url, boolean readOnly, boolean tuned) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + (readOnly ? "ro" : "rw"));
        config.setJdbcUrl(url + "/" + cluster.database());
        config.setUsername(cluster.user());
        config.setPassword(cluster.password());
        Properties properties = new Properties();
        if (tuned) {
            properties.setProperty("useLocalSessionState", "true");
            properties.setProperty("useLocalTransactionState", "true");
        }
        properties.setProperty("connectTimeout", "1000");
        properties.setProperty("socketTimeout", "30000");
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(250);
        config.setReadOnly(readOnly);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * An open DataSource and how to close it.
     *
     * @param dataSource the DataSource
     * @param closer     closes it and its pools
     */
    public record Opened(DataSource dataSource, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
