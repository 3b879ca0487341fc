package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static io.github.understudy.it.JdbcScenarios.DIRECT;
import static io.github.understudy.it.JdbcScenarios.abort;
import static io.github.understudy.it.JdbcScenarios.close;
import static io.github.understudy.it.JdbcScenarios.closed;
import static io.github.understudy.it.JdbcScenarios.firstStatement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.FailoverSettings;
import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import com.mysql.cj.jdbc.NonRegisteringDriver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same JDBC call sequences on a plain Connector/J connection and on an Understudy connection to the same server
 * (the master for the write path, the one replica for the read path), before and after the first statement, after
 * close and after abort: the outcomes must be identical. The documented deviations (README, "Where Understudy
 * differs from a Connector/J connection") are asserted as such.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class JdbcConformanceContract {

    /** Which server a sequence runs on, and how the caller says so. */
    enum Path {
        WRITE("n1"), READ("n2");

        final String node;

        Path(String node) {
            this.node = node;
        }
    }

    final ReplicationCluster cluster;
    private UnderstudyConfig config;
    private UnderstudyDataSource understudy;

    JdbcConformanceContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void start() {
        cluster.execute(cluster.node("n1"), "DROP PROCEDURE IF EXISTS appdb.conformance_proc",
                "CREATE PROCEDURE appdb.conformance_proc(OUT x INT) SET x = 42",
                "GRANT EXECUTE ON appdb.* TO '" + cluster.applicationUser().user() + "'@'%'");
        cluster.awaitReplicasCaughtUp();
        config = config(cluster).build();
        understudy = new UnderstudyDataSource(config);
    }

    @AfterAll
    void stop() {
        understudy.close();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void gettersBeforeAndAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, JdbcScenarios::getters);
        assertSameOutcomes(path, () -> firstStatement().then(JdbcScenarios.getters()));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void misuseBeforeAndAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, JdbcScenarios::misuse);
        assertSameOutcomes(path, () -> firstStatement().then(JdbcScenarios.misuse()));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void schemaAndCatalogAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, JdbcScenarios::schema);
        assertSameOutcomes(path, () -> firstStatement().then(JdbcScenarios.schema()));
        assertSameOutcomes(path, () -> firstStatement().then(JdbcScenarios.unknownCatalog()));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void invalidValidityTimeoutBeforeAndAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, JdbcScenarios::invalidTimeout);
        assertSameOutcomes(path, () -> firstStatement().then(JdbcScenarios.invalidTimeout()));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void everythingHandedOutLeadsBackToTheConnection(Path path) throws SQLException {
        assertSameOutcomes(path, JdbcScenarios::identities);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void networkTimeoutBeforeAndAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, JdbcScenarios::networkTimeout);
        assertSameOutcomes(path, () -> firstStatement().then(JdbcScenarios.networkTimeout()));
    }

    @Test
    void transactionsWithSavepoints() throws SQLException {
        assertSameOutcomes(Path.WRITE, JdbcScenarios::transaction);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void closedBeforeAndAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, () -> close().then(closed()));
        assertSameOutcomes(path, () -> firstStatement().then(close()).then(closed()));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void abortedBeforeAndAfterTheFirstStatement(Path path) throws SQLException {
        assertSameOutcomes(path, () -> abort().then(closed()));
        assertSameOutcomes(path, () -> firstStatement().then(abort()).then(closed()));
    }

    // Where Understudy differs on purpose: each case is listed in the README.

    @ParameterizedTest
    @EnumSource(Path.class)
    void deviationAnUnknownCatalogSetBeforeTheFirstStatementFailsThatStatement(Path path) throws SQLException {
        try (Connection connection = understudy(path)) {
            connection.setCatalog("no_such_db");

            assertThatThrownBy(() -> Clusters.value(connection, "SELECT DATABASE()")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(1044, 1049));
            assertThat(connection.getCatalog()).isEqualTo(cluster.database());
            assertThat(Clusters.value(connection, "SELECT DATABASE()")).isEqualTo(cluster.database());
        }
    }

    @Test
    void deviationNativeSqlNeedsAnOpenConnection() throws SQLException {
        Connection connection = understudy(Path.WRITE);
        connection.close();

        assertThatThrownBy(() -> connection.nativeSQL("SELECT 1")).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
    }

    @Test
    void deviationReadOnlyCannotChangeInsideATransaction() throws SQLException {
        try (Connection connection = understudy(Path.WRITE)) {
            connection.setAutoCommit(false);
            Clusters.value(connection, "SELECT 1");

            assertThatThrownBy(() -> connection.setReadOnly(true)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25000");
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void deviationAfterACommunicationsFailureTheNextStatementGetsAFreshConnectionWithTheSameSettings(Path path)
            throws SQLException {
        try (Connection connection = understudy(path)) {
            connection.setNetworkTimeout(DIRECT, 500);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertThatThrownBy(() -> Clusters.value(connection, "SELECT SLEEP(2)"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("08S01");

            assertThat(connection.isClosed()).isFalse();
            assertThat(connection.getNetworkTimeout()).isEqualTo(500);
            assertThat(Clusters.value(connection, "SELECT @@transaction_isolation")).isEqualTo("READ-COMMITTED");
            assertThatThrownBy(() -> Clusters.value(connection, "SELECT SLEEP(2)"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("08S01");
        }
    }

    // What plain Connector/J cannot show: the pool behind the connection.

    @ParameterizedTest
    @EnumSource(Path.class)
    void neitherAbortNorAnInvalidValidityCheckPoisonsThePool(Path path) throws SQLException {
        PoolSettings one = PoolSettings.builder().maximumPoolSize(1).minimumIdle(1).build();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).masterPool(one).replicaPool(one)
                .build())) {
            for (int round = 0; round < 5; round++) {
                Connection aborted = routed(ds, path);
                Clusters.value(aborted, "SELECT 1");
                aborted.abort(DIRECT);
                try (Connection next = routed(ds, path)) {
                    assertThat(Clusters.value(next, "SELECT 1")).isEqualTo("1");
                    next.isValid(-1);
                }
                try (Connection next = routed(ds, path)) {
                    assertThat(Clusters.value(next, "SELECT 1")).isEqualTo("1");
                }
            }
        }
    }

    @Test
    void closingAConnectionOfAClosedDataSourceDoesNotThrow() throws SQLException {
        UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
        Connection connection = ds.getConnection();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        Clusters.value(connection, "SELECT 1");
        ds.close(); // its pools abort what is still borrowed

        assertThatCode(connection::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> Clusters.value(connection, "SELECT 1")).isInstanceOf(SQLException.class);
    }

    /** The failover benchmark's {@code NullPointerException}: a pool retired at a promotion under a borrowed connection. */
    @Test
    @Order(Integer.MAX_VALUE) // moves the master: the cluster is rebuilt after it
    void closingAConnectionAfterItsMasterWasReplacedDoesNotThrow() throws Exception {
        FailoverSettings failover = FailoverSettings.builder()
                .replicationCredentials(cluster.replicationUser().user(), cluster.replicationUser().password()).build();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).failover(failover).build())) {
            Connection held = ds.getConnection();
            held.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED); // a setting the pool resets on return
            Clusters.value(held, "SELECT 1");

            ds.switchover(cluster.node("n2").address());

            assertThatCode(held::close).doesNotThrowAnyException();
            try (Connection next = ds.getConnection()) {
                assertThat(Clusters.serverId(next)).isEqualTo(cluster.node("n2").serverId());
            }
        }
    }

    private void assertSameOutcomes(Path path, Supplier<JdbcCalls> calls) throws SQLException {
        List<String> plain;
        try (Connection connection = plain(path)) {
            plain = readOnlyFirst(path, calls.get()).runOn(connection);
        }
        List<String> routed;
        try (Connection connection = understudy.getConnection()) {
            routed = readOnlyFirst(path, calls.get()).runOn(connection);
        }
        assertThat(routed).as("Understudy (left) vs Connector/J (right), %s path", path)
                .containsExactlyElementsOf(plain);
    }

    private static JdbcCalls readOnlyFirst(Path path, JdbcCalls calls) {
        return path == Path.READ ? JdbcCalls.of().then("setReadOnly(true)", c -> JdbcScenarios.ok(
                () -> c.setReadOnly(true))).then(calls) : calls;
    }

    private Connection understudy(Path path) throws SQLException {
        return routed(understudy, path);
    }

    private static Connection routed(UnderstudyDataSource ds, Path path) throws SQLException {
        Connection connection = ds.getConnection();
        connection.setReadOnly(path == Path.READ);
        return connection;
    }

    /** A plain Connector/J connection to the path's server, as an application would open it. */
    private Connection plain(Path path) throws SQLException {
        ClusterNode node = cluster.node(path.node);
        Properties properties = new Properties();
        properties.setProperty("user", cluster.applicationUser().user());
        properties.setProperty("password", cluster.applicationUser().password());
        properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        properties.setProperty("socketTimeout", Long.toString(config.socketTimeout().toMillis()));
        Connection connection = new NonRegisteringDriver().connect("jdbc:mysql://" + node.address() + "/"
                + cluster.database(), properties);
        assertThat(connection).isNotNull();
        return connection;
    }
}
