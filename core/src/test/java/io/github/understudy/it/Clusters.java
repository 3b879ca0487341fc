package io.github.understudy.it;

import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers shared by the integration tests: a config for a testkit cluster, and small SQL shortcuts. */
final class Clusters {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Clusters() {
    }

    /** Fast probes and short timeouts, so that tests see state changes in a second or two. */
    static UnderstudyConfig.Builder config(ReplicationCluster cluster) {
        // Generous waits: the suite must not flake on a loaded 2-core machine.
        PoolSettings pool = PoolSettings.builder().maximumPoolSize(8).minimumIdle(2)
                .connectionTimeout(Duration.ofSeconds(1)).build();
        return UnderstudyConfig.builder()
                .name("it" + NAMES.incrementAndGet())
                .hosts(cluster.addresses())
                .database(cluster.database())
                .username(cluster.applicationUser().user()).password(cluster.applicationUser().password())
                .adminUsername(cluster.adminUser().user()).adminPassword(cluster.adminUser().password())
                .masterPool(pool).replicaPool(pool)
                .probeInterval(Duration.ofMillis(200))
                .probeTimeout(Duration.ofMillis(1500))
                .socketTimeout(Duration.ofSeconds(3))
                .masterWaitTimeout(Duration.ofSeconds(2));
    }

    static long serverId(Connection connection) throws SQLException {
        return Long.parseLong(value(connection, "SELECT @@server_id"));
    }

    static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Server id that served one auto-commit read through a fresh logical connection. */
    static long readServerId(javax.sql.DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            return serverId(connection);
        }
    }
}
