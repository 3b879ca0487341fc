package io.github.understudy.it;

import static io.github.understudy.it.Clusters.serverId;
import static io.github.understudy.it.Clusters.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.jdbc.InvalidJdbcUrlException;
import io.github.understudy.jdbc.UnderstudyDriver;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The jdbc:understudy: driver on a real 1+2 cluster, through DriverManager as URL-configured tools use it. */
abstract class DriverContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final ReplicationCluster cluster;

    DriverContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @AfterEach
    void closeInstances() {
        UnderstudyDriver.closeAll();
    }

    /** A URL with a name of its own (so each test has its instance), fast probes and the failover settings. */
    String url(String... parameters) {
        return "jdbc:understudy:" + cluster.flavor().name().toLowerCase(Locale.ROOT)
                + "://" + String.join(",", cluster.addresses()) + "/" + cluster.database()
                + "?name=driver" + NAMES.incrementAndGet() + "&probe-interval=200ms&probe-timeout=1500ms"
                + "&socket-timeout=3s&master-wait-timeout=5s&failover.min-interval=0"
                + (parameters.length == 0 ? "" : "&" + String.join("&", parameters));
    }

    /** JDBC's user and password, and the admin and replication credentials: none of them in the URL. */
    Properties credentials() {
        Properties info = new Properties();
        info.setProperty("user", cluster.applicationUser().user());
        info.setProperty("password", cluster.applicationUser().password());
        info.setProperty("admin.username", cluster.adminUser().user());
        info.setProperty("admin.password", cluster.adminUser().password());
        info.setProperty("failover.replication.username", cluster.replicationUser().user());
        info.setProperty("failover.replication.password", cluster.replicationUser().password());
        return info;
    }

    @Test
    void writesGoToTheMasterAndReadOnlyConnectionsToReplicas() throws SQLException {
        String url = url();
        cluster.execute(cluster.master(), "CREATE TABLE IF NOT EXISTS appdb.driver_rw (id INT PRIMARY KEY)");
        for (int i = 0; i < 6; i++) {
            try (Connection write = DriverManager.getConnection(url, credentials())) {
                assertThat(serverId(write)).isEqualTo(cluster.node("n1").serverId());
                write.createStatement().executeUpdate("INSERT INTO driver_rw VALUES (" + i + ")");
            }
            try (Connection read = DriverManager.getConnection(url, credentials())) {
                read.setReadOnly(true);
                assertThat(serverId(read)).isIn(cluster.node("n2").serverId(), cluster.node("n3").serverId());
            }
        }
        cluster.awaitReplicasCaughtUp();
        try (Connection read = DriverManager.getConnection(url, credentials())) {
            read.setReadOnly(true);
            assertThat(value(read, "SELECT COUNT(*) FROM driver_rw")).isEqualTo("6");
        }
    }

    @Test
    void aKilledMasterIsReplacedAndDriverConnectionsWriteToTheNewOne() throws SQLException {
        String url = url();
        ClusterNode oldMaster = cluster.node("n1");
        cluster.execute(oldMaster, "CREATE TABLE appdb.driver_failover (id INT PRIMARY KEY)");
        cluster.awaitReplicasCaughtUp();
        try (Connection before = DriverManager.getConnection(url, credentials())) {
            before.createStatement().executeUpdate("INSERT INTO driver_failover VALUES (0)");
        }

        oldMaster.kill();

        AtomicInteger ids = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(SQLException.class).untilAsserted(() -> {
            try (Connection write = DriverManager.getConnection(url, credentials())) {
                write.createStatement().executeUpdate("INSERT INTO driver_failover VALUES ("
                        + ids.incrementAndGet() + ")");
                assertThat(serverId(write)).isNotEqualTo(oldMaster.serverId());
            }
        });
        UnderstudyDataSource instance = UnderstudyDriver.dataSource(url, credentials());
        assertThat(instance.topology().epoch()).isEqualTo(1);
        assertThat(instance.writeTarget()).map(Object::toString).isNotEqualTo(oldMaster.address());
        try (Connection read = DriverManager.getConnection(url, credentials())) {
            read.setReadOnly(true);
            assertThat(value(read, "SELECT COUNT(*) FROM driver_failover WHERE id = 0")).isEqualTo("1");
        }
    }

    @Test
    void twoUrlsGetTwoInstancesAndOneUrlOne() throws SQLException {
        String first = url();
        String second = url();
        try (Connection a = DriverManager.getConnection(first, credentials());
             Connection b = DriverManager.getConnection(second, credentials());
             Connection c = DriverManager.getConnection(first, credentials())) {
            assertThat(serverId(a)).isEqualTo(serverId(b)).isEqualTo(serverId(c));
        }
        UnderstudyDataSource one = UnderstudyDriver.dataSource(first, credentials());
        assertThat(UnderstudyDriver.dataSource(first, credentials())).isSameAs(one);
        assertThat(UnderstudyDriver.dataSource(second, credentials())).isNotSameAs(one);
        assertThat(UnderstudyDriver.close(first, credentials())).isTrue();
        try (Connection b = DriverManager.getConnection(second, credentials())) {
            assertThat(serverId(b)).isEqualTo(cluster.node("n1").serverId());
        }
    }

    @Test
    void badUrlsFailNamingTheParameterTheRuleAndTheValue() {
        InvalidJdbcUrlException unknown = invalid(url("probe-intervall=1s"));
        assertThat(unknown.parameter()).isEqualTo("probe-intervall");
        assertThat(unknown.getMessage()).contains("did you mean probe-interval?");
        InvalidJdbcUrlException duration = invalid(url("max-replica-lag=soon"));
        assertThat(duration.parameter()).isEqualTo("max-replica-lag");
        assertThat(duration.rule()).startsWith("a duration");
        assertThat(duration.value()).isEqualTo("'soon'");
        InvalidJdbcUrlException host = invalid(url().replace(cluster.addresses().get(1), "db2:99999"));
        assertThat(host.parameter()).isEqualTo("hosts");
        assertThat(host.getMessage()).contains("port in 1..65535").contains("'db2:99999'");
        InvalidJdbcUrlException database = invalid(url().replace("/" + cluster.database() + "?", "?"));
        assertThat(database.parameter()).isEqualTo("database");
        assertThat(database.value()).isEqualTo("not set");
        for (InvalidJdbcUrlException e : List.of(unknown, duration, host, database)) {
            assertThat(e.getMessage()).contains(e.parameter()).contains(e.rule()).contains(e.value())
                    .doesNotContain(cluster.adminUser().password());
        }
    }

    @Test
    void wrongCredentialsFailWithTheServersErrorAndNoPassword() {
        Properties wrong = credentials();
        wrong.setProperty("admin.password", "not-the-password");
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url(), wrong));
        assertThat(e.getSQLState()).isEqualTo("08001");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("not-the-password");
        }
    }

    private InvalidJdbcUrlException invalid(String url) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url,
                credentials()));
        assertThat((Throwable) e).as(url).isInstanceOf(InvalidJdbcUrlException.class);
        return (InvalidJdbcUrlException) e;
    }
}
