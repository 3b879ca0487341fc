package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.ReplicationMode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplicaStatusTest {

    @Test
    void readsMySqlsReplicaWords() {
        Map<String, String> row = new HashMap<>();
        row.put("Source_Host", "127.0.0.1");
        row.put("Source_Port", "3306");
        row.put("Source_Server_Id", "1");
        row.put("Source_UUID", "3e11fa47-71ca-11e1-9e33-c80aa9429562");
        row.put("Replica_IO_Running", "Connecting");
        row.put("Last_IO_Error", "error connecting to master");
        row.put("Replica_SQL_Running", "Yes");
        row.put("Last_SQL_Error", "");
        row.put("Seconds_Behind_Source", null);
        row.put("Auto_Position", "1");
        row.put("Retrieved_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n");
        row.put("Source_Log_File", "binlog.000002");
        row.put("Read_Source_Log_Pos", "1540");
        row.put("Relay_Source_Log_File", "binlog.000002");
        row.put("Exec_Source_Log_Pos", "1200");
        row.put("SQL_Delay", "0");

        ReplicaStatus status = ReplicaStatus.parse(row, Dialect.of("8.4.3"));

        assertThat(status.receiver()).isEqualTo(ReplicaStatus.Receiver.CONNECTING);
        assertThat(status.connectedTo(1)).isFalse();
        assertThat(status.replicating()).isFalse();
        assertThat(status.applierProblem()).isEmpty();
        assertThat(status.behind()).isNull();
        assertThat(status.gtidPositioning()).isTrue();
        assertThat(status.retrievedGtids()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,");
        assertThat(status.received()).isEqualTo(new BinlogPosition("binlog.000002", 1540));
        assertThat(status.applied()).isEqualTo(new BinlogPosition("binlog.000002", 1200));
        assertThat(status.describeReceiver()).isEqualTo("IO thread Connecting (error connecting to master)");
        assertThat(status.view(Instant.EPOCH).mode()).isEqualTo(ReplicationMode.GTID);
    }

    @Test
    void readsMariaDbsMasterWordsAndPositionMode() {
        Map<String, String> row = new HashMap<>();
        row.put("Master_Host", "db1");
        row.put("Master_Port", "3306");
        row.put("Master_Server_Id", "1");
        row.put("Slave_IO_Running", "Yes");
        row.put("Slave_SQL_Running", "No");
        row.put("Last_SQL_Error", "Duplicate entry '1' for key 'PRIMARY'");
        row.put("Seconds_Behind_Master", "3");
        row.put("Using_Gtid", "No");
        row.put("Gtid_IO_Pos", "");
        row.put("Master_Log_File", "mysql-bin.000001");
        row.put("Read_Master_Log_Pos", "900");
        row.put("Relay_Master_Log_File", "mysql-bin.000001");
        row.put("Exec_Master_Log_Pos", "900");
        row.put("SQL_Delay", "3");
        row.put("Relay_Log_File", "relay-bin.000002");
        row.put("Relay_Log_Pos", "555");

        ReplicaStatus status = ReplicaStatus.parse(row, Dialect.of("11.4.5-MariaDB-log"));

        assertThat(status.connectedTo(1)).isTrue();
        assertThat(status.connectedTo(2)).isFalse();
        assertThat(status.applierProblem()).isEqualTo("replication error: Duplicate entry '1' for key 'PRIMARY'");
        assertThat(status.behind()).isEqualTo(Duration.ofSeconds(3));
        assertThat(status.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(status.gtidPositioning()).isFalse();
        assertThat(status.sourceUuid()).isEmpty();
        assertThat(status.view(null).mode()).isEqualTo(ReplicationMode.POSITION);
        assertThat(status.relayAt()).isEqualTo(new BinlogPosition("relay-bin.000002", 555));
        assertThat(status.heartbeats()).as("SHOW SLAVE STATUS has no heartbeat count").isNull();
    }

    @Test
    void readsMariaDbsHeartbeatsFromAllSlavesStatus() {
        // As MariaDB 10.11.19 and 11.4.5 print them (recorded here through the test kit, heartbeat period 0.25 s).
        Map<String, String> row = new HashMap<>();
        row.put("Connection_name", "");
        row.put("Master_Host", "127.0.0.1");
        row.put("Slave_IO_Running", "Yes");
        row.put("Slave_received_heartbeats", "10");
        row.put("Slave_heartbeat_period", "0.25");

        ReplicaStatus status = ReplicaStatus.parse(row, Dialect.of("10.11.19-MariaDB-0+deb12u1-log"));

        assertThat(status.heartbeats()).isEqualTo(new ReplicaStatus.Heartbeats(10, Duration.ofMillis(250)));
    }

    @Test
    void aNumberColumnWithTextIsNamed() {
        assertThatThrownBy(() -> ReplicaStatus.parse(Map.of("Master_Port", "x"), Dialect.of("8.0.15")))
                .hasMessage("Master_Port must be a number, but was 'x'");
    }

    @Test
    void binlogPositionsCompareByFileNumberThenOffset() {
        assertThat(new BinlogPosition("mysql-bin.000010", 4)).isGreaterThan(new BinlogPosition("mysql-bin.000009", 900));
        assertThat(new BinlogPosition("mysql-bin.000002", 5)).isGreaterThan(new BinlogPosition("mysql-bin.000002", 4));
        assertThat(new BinlogPosition("b.1", 4)).isEqualByComparingTo(new BinlogPosition("b.1", 4));
    }
}
