package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.ReplicationMode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * How Understudy reads servers, from their recorded outputs: real ones of the servers the integration tests run
 * (MySQL 8.0.31, MariaDB 10.11), and the examples of the MySQL 8.4, 9.x and 26.x reference manuals for the servers
 * that cannot run here. Each fixture's first line cites its source (src/test/resources/recorded/README.md).
 */
class RecordedOutputsTest {

    @Test
    void mysql8031sReplicaStatusInTheReplicaWords() {
        ReplicaStatus status = ReplicaStatus.parse(first("8.0.31/server-outputs.txt", "SHOW REPLICA STATUS"),
                Dialect.of(version("8.0.31/server-outputs.txt")));

        assertThat(status.sourceHost()).isEqualTo("127.0.0.1");
        assertThat(status.sourcePort()).isEqualTo(33343);
        assertThat(status.sourceServerId()).isEqualTo(1);
        assertThat(status.sourceUuid()).isEqualTo("dc24e0a4-f03a-11f1-9958-02fc00000001");
        assertThat(status.replicating()).isTrue();
        assertThat(status.gtidPositioning()).isTrue();
        assertThat(status.retrievedGtids()).isEqualTo("dc24e0a4-f03a-11f1-9958-02fc00000001:1-10");
        assertThat(status.received()).isEqualTo(new BinlogPosition("mysql-bin.000001", 2866));
        assertThat(status.behind()).isEqualTo(Duration.ofSeconds(1));
        assertThat(status.view(Instant.EPOCH).mode()).isEqualTo(ReplicationMode.GTID);
    }

    @Test
    void mariadb1011sSlaveStatusInTheMasterWords() {
        String file = "mariadb-10.11/server-outputs.txt";
        Dialect dialect = Dialect.of(version(file));
        ReplicaStatus status = ReplicaStatus.parse(first(file, "SHOW SLAVE STATUS"), dialect);

        assertThat(dialect.mariadb()).isTrue();
        assertThat(dialect.replicaStatus()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(status.sourcePort()).isEqualTo(46685);
        assertThat(status.replicating()).isTrue();
        assertThat(status.gtidPositioning()).isTrue();
        assertThat(status.received().file()).isEqualTo("mysql-bin.000001");
    }

    @Test
    void theManualsReplicaStatusOfMySql84And9() {
        // MySQL 8.4 manual, 15.7.7.35; MySQL 9.5 manual, 15.7.7.36 (the stored copies end early: the rest are absent)
        ReplicaStatus mysql84 = ReplicaStatus.parse(first("8.4/show-replica-status.txt", "SHOW REPLICA STATUS"),
                Dialect.of("8.4.0"));
        ReplicaStatus mysql9 = ReplicaStatus.parse(first("9.x/show-replica-status.txt", "SHOW REPLICA STATUS"),
                Dialect.of("9.7.0"));

        assertThat(mysql84.sourcePort()).isEqualTo(13000);
        assertThat(mysql84.receiver()).isEqualTo(ReplicaStatus.Receiver.RUNNING);
        assertThat(mysql84.applierRunning()).isTrue();
        assertThat(mysql84.received()).isEqualTo(new BinlogPosition("master-bin.000001", 927));
        assertThat(mysql9.sourceHost()).isEqualTo("127.0.0.1");
        assertThat(mysql9.sourcePort()).isEqualTo(13000);
    }

    @Test
    void binaryLogStatusWhereShowMasterStatusIsGone() {
        // MySQL 8.4 manual 15.7.7.1; 9.5 and 26.10 manuals: the same columns
        for (String file : List.of("8.4/show-binary-log-status.txt", "9.x/show-binary-log-status.txt",
                "26.x/show-binary-log-status.txt")) {
            Map<String, String> row = first(file, "SHOW BINARY LOG STATUS");
            assertThat(BinlogPosition.ofStatusRow(row)).as(file).isNotNull();
        }
        assertThat(BinlogPosition.ofStatusRow(first("8.4/show-binary-log-status.txt", "SHOW BINARY LOG STATUS")))
                .isEqualTo(new BinlogPosition("source-bin.000002", 1307));
        assertThat(Dialect.of("8.4.0").binlogStatus()).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(Dialect.of("8.0.31").binlogStatus()).as("8.0.31 refuses it (recorded)")
                .isEqualTo("SHOW MASTER STATUS");
        assertThat(BinlogPosition.ofStatusRow(first("8.0.31/server-outputs.txt", "SHOW MASTER STATUS")))
                .isNotNull();
        assertThat(BinlogPosition.ofStatusRow(first("mariadb-10.11/server-outputs.txt", "SHOW BINLOG STATUS")))
                .isNotNull();
    }

    @Test
    void versionsOf97AndTheCalendarReleasesSpeakTheNewWords() {
        // MySQL 26.7 manual, 1.3 "MySQL Version Numbers": 9.7 is the last sequential line, then YY.M.P
        for (String line : Recorded.values("26.x/version-numbers.txt", "version")) {
            String version = line.split(" ")[0];
            if (version.chars().filter(c -> c == '.').count() < 2) {
                continue; // a manual's version, not a server's x.y.z
            }
            Dialect dialect = Dialect.of(version);
            assertThat(dialect.replicaStatus()).as(version).isEqualTo("SHOW REPLICA STATUS");
            assertThat(dialect.binlogStatus()).as(version).isEqualTo("SHOW BINARY LOG STATUS");
            assertThat(dialect.waitForCoordinates(new BinlogPosition("b.1", 4), Duration.ofSeconds(1))).as(version)
                    .startsWith("SELECT SOURCE_POS_WAIT");
        }
    }

    @Test
    void semiSyncIsRecognisedByEitherName() {
        // MySQL 8.4 and 9.x manuals, 19.4.10: rpl_semi_sync_source_* (9.x has no other)
        String source = Recorded.values("9.x/semi-sync-names.txt", "system variable (source)").get(0);
        String replica = Recorded.values("9.x/semi-sync-names.txt", "system variable (replica)").get(0);
        Dialect mysql9 = Dialect.of("9.7.0");

        ServerState state = ServerState.of(Instant.EPOCH, mysql9, Map.of(source, "ON", replica, "OFF",
                "server_id", "1", "gtid_mode", "ON"), Optional.empty(), null, null, null);

        assertThat(SemiSync.prefix(Map.of(source, "ON"))).isEqualTo("rpl_semi_sync_source_");
        assertThat(state.semiSyncSource()).isTrue();
        assertThat(state.semiSyncReplica()).isFalse();
        assertThat(ServerState.variables(mysql9)).contains(source, replica);
        // MariaDB 10.11 (recorded): the master/slave names, values ON/OFF
        Map<String, String> mariadb = Recorded.rows("mariadb-10.11/server-outputs.txt",
                "SHOW VARIABLES LIKE 'rpl_semi_sync%'").stream().collect(java.util.stream.Collectors.toMap(
                r -> r.get("Variable_name"), r -> r.get("Value")));
        assertThat(SemiSync.prefix(mariadb)).isEqualTo("rpl_semi_sync_master_");
        assertThat(Dialect.on(mariadb.get("rpl_semi_sync_master_enabled"))).isFalse();
    }

    private static Map<String, String> first(String file, String statement) {
        List<Map<String, String>> rows = Recorded.rows(file, statement);
        assertThat(rows).as(statement + " in " + file).isNotEmpty();
        return rows.get(0);
    }

    private static String version(String file) {
        return first(file, "SELECT VERSION()").get("version");
    }
}
