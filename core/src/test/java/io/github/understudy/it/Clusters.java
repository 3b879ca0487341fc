package io.github.understudy.it;

import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers shared by the integration tests: a config for a testkit cluster, and small SQL shortcuts. */
final class Clusters {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final AtomicInteger TABLES = new AtomicInteger();

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

    /** The heartbeat period a replica asked its source for, in seconds. */
    static java.math.BigDecimal heartbeatPeriod(ReplicationCluster cluster, ClusterNode replica) {
        Object period = cluster.flavor() == Flavor.MARIADB
                ? cluster.query(replica, "SHOW ALL SLAVES STATUS").get(0).get("Slave_heartbeat_period")
                : cluster.query(replica, "SELECT HEARTBEAT_INTERVAL FROM "
                        + "performance_schema.replication_connection_configuration").get(0).get("HEARTBEAT_INTERVAL");
        return new java.math.BigDecimal(period.toString());
    }

    /** The server's statement counters that tell how many round trips a request made. */
    static Map<String, Long> counters(Connection root) throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        try (Statement statement = root.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                     + "('Com_select', 'Com_set_option', 'Com_change_db', 'Com_insert')")) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counters;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((name, value) -> delta.put(name, value - before.getOrDefault(name, 0L)));
        return delta;
    }

    /** The ids in {@code appdb.<table>} on {@code node}. */
    static Set<Integer> ids(ReplicationCluster cluster, ClusterNode node, String table) {
        Set<Integer> ids = new HashSet<>();
        cluster.query(node, "SELECT id FROM appdb." + table)
                .forEach(row -> ids.add(((Number) row.get("id")).intValue()));
        return ids;
    }

    /**
     * Creates a new table in {@code appdb} on the master and waits until every replica has it.
     *
     * @param columns the column definitions, e.g. {@code "id INT PRIMARY KEY"}
     * @return its name
     */
    static String newTable(ReplicationCluster cluster, String columns) {
        String table = "t" + TABLES.incrementAndGet();
        cluster.execute(cluster.master(), "CREATE TABLE appdb." + table + " (" + columns + ")");
        cluster.awaitReplicasCaughtUp();
        return table;
    }

    /** The node the DataSource writes to now. */
    static ClusterNode writeTarget(ReplicationCluster cluster, UnderstudyDataSource ds) {
        String address = ds.writeTarget().orElseThrow().toString();
        return cluster.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }
}
