package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A semi-sync master that hung with commits queued, resumed with no replica to acknowledge them, and is fenced:
 * no commit may be answered as a success. Killing a waiting group leader before its members answered some of the
 * members OK (17 of 96 in a trial); this checks the order {@link ApplicationSessions} kills in.
 */
@WithReplicationCluster(engine = "mariadb", replicas = 2, semiSync = true)
class MariaDbApplicationSessionsIT {

    private static final int ROUNDS = 4;
    private static final int WRITERS = 12;

    private final ReplicationCluster cluster;

    MariaDbApplicationSessionsIT(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void noCommitThatNoReplicaAcknowledgedIsAnsweredAsASuccess() throws Exception {
        ClusterNode master = cluster.node("n1");
        cluster.execute(master, "CREATE TABLE appdb.unacked (id INT PRIMARY KEY)");
        cluster.awaitReplicasCaughtUp();
        List<Object> outcomes = new ArrayList<>();
        long unacknowledgedBefore = unacknowledged(master);
        for (int round = 0; round < ROUNDS; round++) {
            for (ClusterNode replica : cluster.nodes().subList(1, cluster.nodes().size())) {
                cluster.execute(replica, "STOP SLAVE IO_THREAD");
            }
            List<Connection> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(DriverManager.getConnection("jdbc:mysql://" + master.address() + "/appdb",
                        cluster.applicationUser().user(), cluster.applicationUser().password()));
            }
            master.pause();
            List<CompletableFuture<Object>> commits = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                commits.add(insert(writers.get(i), round * WRITERS + i));
            }
            Thread.sleep(1_000); // the inserts queue up on the hung server
            master.resume();
            Thread.sleep(200); // and wait for an acknowledgement, in groups

            try (ServerSession admin = ServerSession.over(io.github.understudy.HostAndPort.parse(master.address()),
                    cluster.openDirect(master, Duration.ofSeconds(30)))) {
                ApplicationSessions.end(admin, cluster.applicationUser().user(), "test");
            }
            for (CompletableFuture<Object> commit : commits) {
                outcomes.add(commit.get(30, TimeUnit.SECONDS));
            }
            for (Connection writer : writers) {
                writer.close();
            }
        }
        // The control: the commits did wait, and none was acknowledged by a replica.
        assertThat(unacknowledged(master) - unacknowledgedBefore).isPositive();
        assertThat(outcomes).hasSize(ROUNDS * WRITERS).allSatisfy(outcome -> assertThat(outcome)
                .as("a commit no replica acknowledged").isInstanceOf(SQLException.class));
    }

    private static CompletableFuture<Object> insert(Connection writer, int id) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("INSERT INTO appdb.unacked VALUES (" + id + ")");
                outcome.complete("acknowledged");
            } catch (SQLException e) {
                outcome.complete(e);
            }
        }, "writer-" + id);
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    private long unacknowledged(ClusterNode master) throws SQLException {
        try (Connection admin = cluster.openDirect(master, Duration.ofSeconds(10));
             Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Rpl_semi_sync_master_no_tx'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
