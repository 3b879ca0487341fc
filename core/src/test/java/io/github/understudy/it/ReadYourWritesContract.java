package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.Consistency;
import io.github.understudy.UnderstudyConnection;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.Understudy;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With one replica lagging seconds behind: a session reads its own writes, every time, without reading everything from the master. */
abstract class ReadYourWritesContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final int PAIRS = 2000;

    final ReplicationCluster cluster;
    private String table;

    ReadYourWritesContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void lagOneReplica() {
        table = "ryw" + TABLES.incrementAndGet();
        cluster.execute(cluster.master(), "CREATE TABLE appdb." + table + " (id INT PRIMARY KEY, v INT)");
        cluster.awaitReplicasCaughtUp();
        cluster.node("n2").delayReplication(Duration.ofSeconds(3)); // n2 is always 3 s behind: a read there is stale
    }

    @AfterEach
    void noDelay() {
        cluster.node("n2").delayReplication(Duration.ZERO);
    }

    @Test
    void connectionSessionReadsItsOwnWriteEveryTime() throws SQLException {
        Map<Long, Integer> servers = new HashMap<>();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).maxReplicaLag(Duration.ofSeconds(10))
                .consistency(Consistency.READ_YOUR_WRITES).build());
             Connection c = ds.getConnection()) {
            int stale = 0;
            for (int i = 1; i <= PAIRS; i++) {
                c.setReadOnly(false);
                write(c, i);
                c.setReadOnly(true);
                stale += readsBack(c, i) ? 0 : 1;
                servers.merge(Clusters.serverId(c), 1, Integer::sum);
            }

            assertThat(stale).as("stale reads out of " + PAIRS).isZero();
            assertThat(servers).as("reads per server_id").doesNotContainKey(cluster.node("n2").serverId());
            assertThat(servers.getOrDefault(cluster.node("n3").serverId(), 0)).as("reads served by the caught-up "
                    + "replica, not the master: " + servers).isGreaterThan(PAIRS / 2);
        }
    }

    @Test
    void threadSessionAndTokenCarryTheWritesAcrossConnections() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).maxReplicaLag(Duration.ofSeconds(10))
                .consistency(Consistency.READ_YOUR_WRITES).build())) {
            int stale = 0;
            String token = "";
            for (int i = 1; i <= PAIRS; i++) {
                try (Understudy.Scope request = Understudy.withToken(token)) { // one "HTTP request" writes
                    try (Connection c = ds.getConnection()) {
                        write(c, i);
                    }
                    token = Understudy.consistencyToken();
                }
                try (Understudy.Scope next = Understudy.withToken(token); Connection c = ds.getConnection()) {
                    c.setReadOnly(true); // the next "request" reads, on another connection
                    stale += readsBack(c, i) ? 0 : 1;
                }
            }
            assertThat(token).isNotEmpty();
            assertThat(stale).as("stale reads out of " + PAIRS).isZero();
        }
    }

    /**
     * An eventual DataSource's connections do not report their writes' GTIDs until a session that reads its writes
     * borrows them: each asks its server then, once, and the sessions read their writes as in a read-your-writes
     * DataSource.
     */
    @Test
    void anEventualDataSourceReadsTheWritesOfTheSessionsThatAskForIt() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).maxReplicaLag(Duration.ofSeconds(10))
                .build())) {
            int stale = 0;
            String token = "";
            for (int i = 1; i <= PAIRS / 4; i++) {
                if (i % 2 == 0) {
                    try (Connection c = ds.getConnection()) {
                        c.unwrap(UnderstudyConnection.class).setConsistency(Consistency.READ_YOUR_WRITES);
                        write(c, i);
                        c.setReadOnly(true);
                        stale += readsBack(c, i) ? 0 : 1;
                    }
                    continue;
                }
                try (Understudy.Scope request = Understudy.withToken(token)) {
                    try (Connection c = ds.getConnection()) {
                        write(c, i);
                    }
                    token = Understudy.consistencyToken();
                }
                try (Understudy.Scope next = Understudy.withToken(token);
                     Understudy.Scope mode = Understudy.withConsistency(Consistency.READ_YOUR_WRITES);
                     Connection c = ds.getConnection()) {
                    c.setReadOnly(true);
                    stale += readsBack(c, i) ? 0 : 1;
                }
            }
            assertThat(token).isNotEmpty();
            assertThat(stale).as("stale reads out of " + PAIRS / 4).isZero();
        }
    }

    @Test
    void sessionsThatDidNotWriteStillReadFromReplicasAndEventualModeCanBeStale() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).maxReplicaLag(Duration.ofSeconds(10))
                .consistency(Consistency.READ_YOUR_WRITES).build())) {
            Map<Long, Integer> reads = RoutingContract.countReads(ds, 40);
            assertThat(reads).containsOnlyKeys(cluster.node("n2").serverId(), cluster.node("n3").serverId());

            int stale = 0;
            for (int i = 1; i <= 40; i++) {
                try (Connection c = ds.getConnection()) {
                    c.unwrap(UnderstudyConnection.class).setConsistency(Consistency.EVENTUAL);
                    write(c, i);
                    c.setReadOnly(true);
                    stale += readsBack(c, i) ? 0 : 1;
                }
            }
            assertThat(stale).as("eventual reads routed to the lagging replica miss the write").isPositive();
        }
    }

    @Test
    void strongReadsGoToTheMaster() throws SQLException {
        ClusterNode master = cluster.master();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).consistency(Consistency.STRONG).build())) {
            assertThat(RoutingContract.countReads(ds, 10)).containsOnlyKeys(master.serverId());
        }
    }

    private void write(Connection c, int id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setInt(2, id);
            insert.executeUpdate();
        }
    }

    private boolean readsBack(Connection c, int id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT v FROM " + table + " WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getInt(1) == id;
            }
        }
    }
}
