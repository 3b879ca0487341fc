package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Statement generation per server family and version; MySQL 8.0.22+ syntax is checked here only (no server). */
class DialectTest {

    @Test
    void detectsFamiliesAndVersionsFromTheServersVersionString() {
        assertThat(Dialect.of("11.4.5-MariaDB-log").mariadb()).isTrue();
        assertThat(Dialect.of("5.5.5-10.11.6-MariaDB").version()).isEqualTo("10.11.6");
        assertThat(Dialect.of("8.0.15").replicaStatus()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(Dialect.of("8.0.22").replicaStatus()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(Dialect.of("8.4.3").replicaStatus()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(Dialect.of("9.1.0-commercial").stopReplica()).isEqualTo("STOP REPLICA");
        assertThatThrownBy(() -> Dialect.of("banana")).hasMessage("server version must look like x.y.z, but was 'banana'");
    }

    @Test
    void mysql84SaysSourceAndReplica() {
        Dialect mysql = Dialect.of("8.4.3");

        assertThat(mysql.changeSource("db2", 3306, null, null)).isEqualTo("CHANGE REPLICATION SOURCE TO "
                + "SOURCE_HOST='db2', SOURCE_PORT=3306, SOURCE_AUTO_POSITION=1, SOURCE_SSL=1");
        assertThat(mysql.changeSource("db2", 3306, "repl", "it's")).contains("SOURCE_USER='repl'")
                .contains("SOURCE_PASSWORD='it''s'");
        assertThat(mysql.changeSource("db2", 3306, "repl", "a?b'c")).as("a ? inside a value stays a value")
                .contains("SOURCE_USER='repl', SOURCE_PASSWORD='a?b''c'");
        Dialect.Sql sql = mysql.changeSourceByGtid("db2", 3306, "repl", "p\\w", null);
        assertThat(sql.text()).isEqualTo("CHANGE REPLICATION SOURCE TO SOURCE_HOST=?, SOURCE_PORT=3306, SOURCE_USER=?, "
                + "SOURCE_PASSWORD=?, SOURCE_AUTO_POSITION=1, SOURCE_SSL=1");
        assertThat(sql.parameters()).as("quoted by the driver, as the session's sql_mode needs")
                .containsExactly("db2", "repl", "p\\w");
        assertThat(mysql.resetReplicaAll()).isEqualTo("RESET REPLICA ALL");
        assertThat(mysql.stopReceiver()).isEqualTo("STOP REPLICA IO_THREAD");
        assertThat(mysql.column("Slave_IO_Running")).isEqualTo("Replica_IO_Running");
        assertThat(mysql.column("Seconds_Behind_Master")).isEqualTo("Seconds_Behind_Source");
        assertThat(mysql.column("Master_Server_Id")).isEqualTo("Source_Server_Id");
        assertThat(mysql.makeWritable()).as("persisted: a restart keeps the role")
                .containsExactly("SET PERSIST super_read_only = OFF", "SET PERSIST read_only = OFF");
        assertThat(mysql.makeReadOnly())
                .containsExactly("SET PERSIST read_only = ON", "SET PERSIST super_read_only = ON");
        assertThat(mysql.binlogStatus()).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(Dialect.of("8.0.31").binlogStatus()).isEqualTo("SHOW MASTER STATUS");
        assertThat(mysql.waitForCoordinates(new BinlogPosition("binlog.000002", 155), Duration.ofSeconds(3)))
                .isEqualTo("SELECT SOURCE_POS_WAIT('binlog.000002', 155, 3)");
        assertThat(Dialect.of("8.0.15").waitForCoordinates(new BinlogPosition("b.1", 4), Duration.ofSeconds(3)))
                .isEqualTo("SELECT MASTER_POS_WAIT('b.1', 4, 3)");
    }

    @Test
    void booleanVariablesAreReadHoweverTheServerPrintsThem() {
        assertThat(Dialect.on("ON")).isTrue();
        assertThat(Dialect.on("1")).isTrue();
        assertThat(Dialect.on("NO_LOCK")).as("MariaDB 12 read_only levels").isTrue();
        assertThat(Dialect.on("OFF")).isFalse();
        assertThat(Dialect.on("0")).isFalse();
        assertThat(Dialect.on(null)).isFalse();
    }

    @Test
    void mysql80AndMariaDbSayMasterAndSlave() {
        Dialect mysql = Dialect.of("8.0.15");
        Dialect mariadb = Dialect.of("11.4.5-MariaDB");

        assertThat(mysql.changeSource("db2", 3306, null, null)).isEqualTo("CHANGE MASTER TO MASTER_HOST='db2', "
                + "MASTER_PORT=3306, MASTER_AUTO_POSITION=1, MASTER_SSL=1");
        assertThat(mariadb.changeSource("db2", 3306, null, null)).isEqualTo("CHANGE MASTER TO MASTER_HOST='db2', "
                + "MASTER_PORT=3306, MASTER_USE_GTID=slave_pos");
        assertThat(mariadb.changeSourceByGtid("db2", 3306, null, null, Duration.ofMillis(250)).text())
                .as("a kept heartbeat period").endsWith("MASTER_USE_GTID=slave_pos, MASTER_HEARTBEAT_PERIOD=0.250");
        assertThat(Dialect.of("8.4.3").changeSourceAt("db2", 3306, null, null, new BinlogPosition("b.1", 4),
                Duration.ZERO, Duration.ofSeconds(2)).text()).endsWith("SOURCE_DELAY=0, SOURCE_HEARTBEAT_PERIOD=2.000");
        assertThat(mariadb.fullReplicaStatus()).isEqualTo("SHOW ALL SLAVES STATUS");
        assertThat(mysql.fullReplicaStatus()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(mariadb.makeWritable()).containsExactly("SET GLOBAL read_only = OFF");
        assertThat(mariadb.waitForApplied("0-1-5", Duration.ofSeconds(3))).isEqualTo("SELECT MASTER_GTID_WAIT('0-1-5', 3)");
        assertThat(mysql.waitForApplied("u:1-5", Duration.ofMillis(10)))
                .isEqualTo("SELECT WAIT_FOR_EXECUTED_GTID_SET('u:1-5', 1)");
        assertThat(mariadb.gtidVariable()).isEqualTo("gtid_current_pos");
        assertThat(mysql.retrievedColumn()).isEqualTo("Retrieved_Gtid_Set");
    }

    @Test
    void takingADelayOffKeepsTheRelayLogByNamingTheAppliersPlaceInIt() {
        // Without RELAY_LOG_FILE/RELAY_LOG_POS, CHANGE MASTER TO with both threads stopped deletes the relay logs.
        Dialect.Sql undelay = Dialect.of("8.0.15").delay(Duration.ZERO,
                new BinlogPosition("relay-bin.000002", 4_711), null);

        assertThat(undelay.text()).isEqualTo("CHANGE MASTER TO MASTER_DELAY=0, RELAY_LOG_FILE=?, RELAY_LOG_POS=4711");
        assertThat(undelay.parameters()).containsExactly("relay-bin.000002");
        assertThat(Dialect.of("8.0.31").delay(Duration.ofSeconds(60), new BinlogPosition("r.000001", 4),
                Duration.ofMillis(250)).text()).startsWith("CHANGE REPLICATION SOURCE TO SOURCE_DELAY=60, RELAY_LOG_FILE=?")
                .endsWith(", SOURCE_HEARTBEAT_PERIOD=0.250");
    }
}
