package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.HostAndPort;
import io.github.understudy.PoolSettings;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The point workload's variants: each routes a read ({@code setReadOnly(true)}, then a point SELECT) to a replica
 * and a write to the master, with pools of {@link #POOL_SIZE} and the same driver properties
 * ({@link #driverProperties}). Plain HikariCP reads from one replica, as Spring's proxy does; Understudy balances
 * two, so {@link #UNDERSTUDY_ONE_REPLICA} (a weighted selector that gives the second replica nothing) shows what
 * that balancing costs on its own.
 */
public enum PointVariant {

    /** The baseline: one HikariCP pool per path, reads straight to the first replica (read-only pool). */
    HIKARI("hikari"),
    /** Spring's {@code LazyConnectionDataSourceProxy} over a master pool, with a read-only pool for reads. */
    SPRING_LAZY("spring-lazy"),
    /** Connector/J's {@code jdbc:mysql:replication://} URL under one HikariCP pool. */
    CONNECTORJ("connectorj"),
    /** Understudy with its defaults, pools of {@link #POOL_SIZE}: reads balanced over both replicas. */
    UNDERSTUDY("understudy"),
    /** Understudy reading from the first replica only, as the baseline does. */
    UNDERSTUDY_ONE_REPLICA("understudy-one-replica"),
    /**
     * Another build of Understudy (the core jar named by {@code --earlierCore}, e.g. before a change), with the
     * same settings as {@link #UNDERSTUDY}: before and after side by side in one run.
     */
    UNDERSTUDY_EARLIER("understudy-earlier");

    /** Connections per pool (a fixed-size pool: as many idle as at most). */
    static final int POOL_SIZE = 4;

    private final String label;

    PointVariant(String label) {
        this.label = label;
    }

    /** @return the variant of that {@link #label()} */
    public static PointVariant of(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("variant must be one of " + Arrays.stream(values())
                        .map(PointVariant::label).toList() + ", but was " + label));
    }

    /** @return the name used in JMH parameters and reports */
    public String label() {
        return label;
    }

    /**
     * @param cluster           the servers
     * @param localSessionState Connector/J's {@code useLocalSessionState} and {@code useLocalTransactionState}
     * @return the open DataSource and what to close
     */
    public Opened open(ClusterAccess cluster, boolean localSessionState) {
        Properties properties = driverProperties(localSessionState);
        return switch (this) {
            case HIKARI -> {
                HikariDataSource master = hikari(cluster, "jdbc:mysql://" + cluster.master(), false, properties);
                HikariDataSource replica = hikari(cluster, "jdbc:mysql://" + cluster.replicas().get(0), true,
                        properties);
                yield new Opened(replica, master, () -> {
                    replica.close();
                    master.close();
                });
            }
            case SPRING_LAZY -> {
                HikariDataSource master = hikari(cluster, "jdbc:mysql://" + cluster.master(), false, properties);
                HikariDataSource replica = hikari(cluster, "jdbc:mysql://" + cluster.replicas().get(0), true,
                        properties);
                LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(master);
                proxy.setReadOnlyDataSource(replica);
                yield new Opened(proxy, proxy, () -> {
                    replica.close();
                    master.close();
                });
            }
            case CONNECTORJ -> {
                HikariDataSource pool = hikari(cluster, "jdbc:mysql:replication://"
                        + String.join(",", cluster.hosts()), false, properties);
                yield new Opened(pool, pool, pool::close);
            }
            case UNDERSTUDY_EARLIER -> EarlierUnderstudy.open(cluster, properties);
            case UNDERSTUDY, UNDERSTUDY_ONE_REPLICA -> {
                UnderstudyDataSource understudy = new UnderstudyDataSource(understudy(cluster, properties));
                yield new Opened(understudy, understudy, understudy::close);
            }
        };
    }

    /**
     * What every variant's connections get: client-side session state on or off, and the timeouts Understudy
     * uses by default (connect 1 s, socket 30 s).
     */
    static Properties driverProperties(boolean localSessionState) {
        Properties properties = new Properties();
        properties.setProperty("useLocalSessionState", Boolean.toString(localSessionState));
        properties.setProperty("useLocalTransactionState", Boolean.toString(localSessionState));
        properties.setProperty("connectTimeout", "1000");
        properties.setProperty("socketTimeout", "30000");
        return properties;
    }

    private UnderstudyConfig understudy(ClusterAccess cluster, Properties properties) {
        PoolSettings pool = PoolSettings.builder().maximumPoolSize(POOL_SIZE).minimumIdle(POOL_SIZE).build();
        UnderstudyConfig.Builder builder = UnderstudyConfig.builder().name("bench").hosts(cluster.hosts())
                .database(cluster.database()).username(cluster.user()).password(cluster.password())
                .adminUsername(cluster.adminUser()).adminPassword(cluster.adminPassword())
                .masterPool(pool).replicaPool(pool)
                .driverProperties(Map.of("useLocalSessionState", properties.getProperty("useLocalSessionState"),
                        "useLocalTransactionState", properties.getProperty("useLocalTransactionState")))
                .connectTimeout(Duration.ofMillis(1000)).socketTimeout(Duration.ofMillis(30000));
        if (this == UNDERSTUDY_ONE_REPLICA) {
            builder.readStrategy(ReplicaSelector.weighted(Map.of(
                    HostAndPort.parse(cluster.replicas().get(0)), 1, HostAndPort.parse(cluster.replicas().get(1)), 0)));
        }
        return builder.build();
    }

    private static HikariDataSource hikari(ClusterAccess cluster, String url, boolean readOnly, Properties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("point-" + (readOnly ? "ro" : "rw"));
        config.setJdbcUrl(url + "/" + cluster.database());
        config.setUsername(cluster.user());
        config.setPassword(cluster.password());
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setConnectionTimeout(250);
        config.setReadOnly(readOnly);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * An open variant: where its reads and its writes are asked for a connection (the same DataSource, except for
     * plain HikariCP, whose caller picks the pool), and how to close it.
     *
     * @param reads  asked for a read's connection
     * @param writes asked for a write's connection
     * @param closer closes it and its pools
     */
    public record Opened(DataSource reads, DataSource writes, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
