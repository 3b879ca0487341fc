package io.github.understudy.internal;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names why the master cannot be used. Asks the replicas afresh ({@link #ask}), then decides ({@link #diagnose},
 * pure): the master is dead only when its own probes fail and no reachable replica's receiver is connected to it
 * any more; while one is, the problem is between the application and the master.
 */
final class FailureDetector {

    /** A diagnosis, the replicas that answered, and what they said. */
    record Finding(Diagnosis diagnosis, List<HostAndPort> reachableReplicas, String detail) {
    }

    /**
     * What one replica said.
     *
     * @param node    the replica
     * @param status  its replica status, empty when it replicates from no one; null when it did not answer
     * @param failure why it did not answer, {@code ""} when it did
     */
    record Reply(HostAndPort node, Optional<ReplicaStatus> status, String failure) {
    }

    private final ConnectionFactory connections;

    FailureDetector(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Asks every replica of the snapshot (not the master) for its replica status. */
    List<Reply> ask(HostAndPort master, TopologySnapshot snapshot) {
        List<Reply> replies = new ArrayList<>();
        for (NodeStatus node : snapshot.nodes()) {
            if (node.address().equals(master) || node.role() != Role.REPLICA) {
                continue;
            }
            try (ServerSession session = ServerSession.open(connections, node.address())) {
                replies.add(new Reply(node.address(), session.replicaStatus(), ""));
            } catch (SQLException e) {
                replies.add(new Reply(node.address(), null, NodeProbe.reason(e)));
            }
        }
        return replies;
    }

    /**
     * @param masterServerId the master's server_id, 0 when unknown (any source counts then)
     * @param masterAnswers  whether the master's last probe answered: then requests failed for another reason
     *                       (commits waiting for semi-sync, long transactions), and the master is not dead
     */
    static Finding diagnose(HostAndPort master, long masterServerId, boolean masterAnswers, List<Reply> replies) {
        List<HostAndPort> reachable = new ArrayList<>();
        List<String> seeing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Reply reply : replies) {
            if (!reply.failure().isEmpty()) {
                notes.add(reply.node() + " unreachable (" + reply.failure() + ")");
                continue;
            }
            reachable.add(reply.node());
            if (reply.status().isEmpty()) {
                notes.add(reply.node() + " replicates from no one");
                continue;
            }
            ReplicaStatus status = reply.status().get();
            notes.add(reply.node() + " " + status.describeReceiver());
            if (status.connectedTo(masterServerId)) {
                seeing.add(reply.node().toString());
            }
        }
        String detail = String.join("; ", notes);
        if (masterAnswers) {
            return new Finding(Diagnosis.HEALTHY, reachable, "the master answers its probes: requests to it failed "
                    + "for another reason (" + (detail.isEmpty() ? "no replica" : detail) + ")");
        }
        if (reachable.isEmpty()) {
            return new Finding(Diagnosis.NOTHING_REACHABLE, reachable, detail.isEmpty() ? "no replica" : detail);
        }
        if (!seeing.isEmpty()) {
            return new Finding(Diagnosis.UNREACHABLE_MASTER, reachable, "still replicating from " + master + ": "
                    + String.join(", ", seeing) + " (" + detail + ")");
        }
        return new Finding(Diagnosis.DEAD_MASTER, reachable, detail);
    }
}
