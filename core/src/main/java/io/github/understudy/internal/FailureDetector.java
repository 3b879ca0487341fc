package io.github.understudy.internal;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Names why the master cannot be used, asking the replicas afresh: DEAD_MASTER only when no reachable replica
 * replicates from it any more (its receiver thread is not connected), UNREACHABLE_MASTER when one still does.
 */
final class FailureDetector {

    /** A diagnosis, the replicas that answered, and what they said. */
    record Finding(Diagnosis diagnosis, List<HostAndPort> reachableReplicas, String detail) {
    }

    private final ConnectionFactory connections;

    FailureDetector(ConnectionFactory connections) {
        this.connections = connections;
    }

    Finding diagnose(HostAndPort master, long masterServerId, TopologySnapshot snapshot, Dialect dialect) {
        List<HostAndPort> reachable = new ArrayList<>();
        List<String> seeing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (NodeStatus node : snapshot.nodes()) {
            if (node.address().equals(master) || node.role() != Role.REPLICA) {
                continue;
            }
            try (Connection connection = connections.admin(node.address());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(dialect.replicaStatus())) {
                reachable.add(node.address());
                if (!rs.next()) {
                    notes.add(node.address() + " replicates from no one");
                    continue;
                }
                String io = rs.getString(dialect.column("Slave_IO_Running"));
                long source = rs.getLong(dialect.column("Master_Server_Id"));
                String error = rs.getString("Last_IO_Error");
                String note = node.address() + " IO thread " + io + (error == null || error.isBlank() ? ""
                        : " (" + error.trim() + ")");
                notes.add(note);
                if ("Yes".equalsIgnoreCase(io) && (masterServerId == 0 || source == masterServerId)) {
                    seeing.add(node.address().toString());
                }
            } catch (SQLException e) {
                notes.add(node.address() + " unreachable (" + NodeProbe.reason(e) + ")");
            }
        }
        String detail = String.join("; ", notes);
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
