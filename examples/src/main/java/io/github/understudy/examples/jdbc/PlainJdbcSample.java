package io.github.understudy.examples.jdbc;

import io.github.understudy.FailoverSettings;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Understudy with plain JDBC: writes on a connection as it comes, reads on a connection set read-only, and an
 * idempotent write retried on the connection errors (SQLState 08xxx) a failover can cause. Run it from the
 * repository's root with {@code mvn -B -q -Pjdbc-sample -pl examples -am -DskipTests -DskipPublishable verify}.
 *
 * <p>Only {@link #main} is about the sample's setting: it starts a throw-away MariaDB cluster (1 master, 2
 * replicas) with the test kit. Everything from {@link #run} on is what an application writes.
 */
public final class PlainJdbcSample {

    private PlainJdbcSample() {
    }

    /**
     * Starts a cluster, runs the sample against it, stops the cluster.
     *
     * @param args none
     */
    public static void main(String[] args) throws Exception {
        try (ReplicationCluster cluster = ReplicationCluster.builder().replicas(2).name("jdbc-sample").start()) {
            UnderstudyConfig config = UnderstudyConfig.builder()
                    .name("orders")
                    .hosts(cluster.addresses())                       // every node; roles are discovered
                    .database(cluster.database())
                    .username(cluster.applicationUser().user())
                    .password(cluster.applicationUser().password())
                    .adminUsername(cluster.adminUser().user())         // probes and promotion
                    .adminPassword(cluster.adminUser().password())
                    .failover(FailoverSettings.builder()               // so that an old master can rejoin
                            .replicationCredentials(cluster.replicationUser().user(),
                                    cluster.replicationUser().password())
                            .build())
                    .build();
            try (UnderstudyDataSource dataSource = new UnderstudyDataSource(config)) {
                run(dataSource, () -> cluster.node("n1").kill());
            }
        }
    }

    /**
     * The application: create a table, write, read from a replica, lose the master, write again.
     *
     * @param dataSource  the Understudy DataSource
     * @param killMaster  breaks the master (here: SIGKILL of the test kit's n1)
     */
    static void run(UnderstudyDataSource dataSource, Runnable killMaster) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id CHAR(36) PRIMARY KEY, item VARCHAR(64) NOT NULL)");
        }
        System.out.println("wrote 'book' on server_id " + placeOrder(dataSource, UUID.randomUUID(), "book"));
        Thread.sleep(200); // replicas are asynchronous: give the row a moment to arrive
        System.out.println("read " + countOrders(dataSource));

        System.out.println("killing the master; Understudy promotes a replica");
        killMaster.run();
        System.out.println("wrote 'lamp' on server_id " + placeOrderRetrying(dataSource, UUID.randomUUID(), "lamp"));
        Thread.sleep(200);
        System.out.println("read " + countOrders(dataSource));
        System.out.println("writes now go to " + dataSource.writeTarget().map(Object::toString).orElse("no node yet"));
    }

    /**
     * A write: no setReadOnly, so it goes to the master. The id comes from the client and a second run of the same
     * order changes nothing, so the write can be retried safely. Returns the server that ran it.
     */
    static long placeOrder(UnderstudyDataSource dataSource, UUID id, String item) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO orders (id, item) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id")) {
            insert.setString(1, id.toString());
            insert.setString(2, item);
            insert.executeUpdate();
            return serverId(connection);
        }
    }

    /**
     * What a failover looks like to a write: a statement on the dying master fails with the driver's 08S01 (it may
     * or may not have run), a commit whose outcome is unknown with 08007, and a write while no master is usable
     * waits up to {@code masterWaitTimeout} (2 s) for the new one, then fails with 08001 (it did not run). All are
     * SQLState class 08, "connection exception": an idempotent write can simply be tried again.
     */
    static long placeOrderRetrying(UnderstudyDataSource dataSource, UUID id, String item)
            throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return placeOrder(dataSource, id, item);
            } catch (SQLException e) {
                boolean connectionException = e.getSQLState() != null && e.getSQLState().startsWith("08");
                if (!connectionException || attempt == 5) {
                    throw e;
                }
                System.out.println("attempt " + attempt + " failed: SQLState " + e.getSQLState() + " ("
                        + e.getClass().getSimpleName() + "); trying again");
                Thread.sleep(100);
            }
        }
    }

    /**
     * A read: setReadOnly(true) before the first statement sends it to a healthy replica, or to the master while
     * none is (readFallbackToMaster, e.g. just after a failover, before the other replicas are repointed).
     */
    static String countOrders(UnderstudyDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*), @@server_id FROM orders")) {
                rows.next();
                return rows.getLong(1) + " order(s) on server_id " + rows.getLong(2);
            }
        }
    }

    private static long serverId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT @@server_id")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
