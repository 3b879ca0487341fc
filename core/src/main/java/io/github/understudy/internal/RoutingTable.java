package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the request path reads, in one volatile read: the snapshot and the nodes to route to. Immutable; the
 * monitor builds a new one whenever what it knows changes.
 *
 * @param snapshot the topology as last observed
 * @param master   the node writes go to, or null when there is none to use
 * @param replicas the replicas that may serve reads now (role REPLICA, state UP, not fenced)
 * @param noMaster why writes have no master, "" when they have one
 */
record RoutingTable(TopologySnapshot snapshot, Node master, List<Node> replicas, String noMaster) {

    /**
     * @param followed the master of the highest epoch when failover manages the servers (null otherwise): writes go
     *                 to it or nowhere, never to another writable node
     * @param hold     why writes are held (a switchover), "" when they are not
     */
    static RoutingTable of(TopologySnapshot snapshot, List<Node> nodes, HostAndPort followed, Set<HostAndPort> fenced,
                           String hold) {
        List<Node> masters = new ArrayList<>();
        List<Node> readable = new ArrayList<>();
        for (Node node : nodes) {
            NodeStatus status = snapshot.node(node.address()).orElseThrow();
            if (fenced.contains(node.address())) {
                continue;
            }
            if (status.role() == Role.MASTER && (status.state() == NodeState.UP || status.state() == NodeState.SUSPECT)) {
                masters.add(node);
            } else if (status.role() == Role.REPLICA && status.readable()) {
                readable.add(node);
            }
        }
        if (!hold.isEmpty()) {
            return new RoutingTable(snapshot, null, List.copyOf(readable), hold);
        }
        if (followed != null) {
            Node master = masters.stream().filter(n -> n.address().equals(followed)).findFirst().orElse(null);
            return new RoutingTable(snapshot, master, List.copyOf(readable), master != null ? ""
                    : "the master " + followed + " is not reachable");
        }
        if (masters.size() == 1) {
            return new RoutingTable(snapshot, masters.get(0), List.copyOf(readable), "");
        }
        String reason = masters.isEmpty() ? "no reachable writable master"
                : masters.size() + " nodes report being writable masters (" + masters.stream()
                .map(n -> n.address() + " server_id " + snapshot.node(n.address()).orElseThrow().serverId())
                .collect(Collectors.joining(", ")) + "): refusing to route writes";
        return new RoutingTable(snapshot, null, List.copyOf(readable), reason);
    }

    long masterServerId() {
        return master == null ? 0 : snapshot.node(master.address()).map(NodeStatus::serverId).orElse(0L);
    }

    /** Writable nodes, reachable now, other than the routed master: old masters back, or a node an operator made writable. */
    List<NodeStatus> otherWritable() {
        return snapshot.nodes().stream().filter(s -> s.role() == Role.MASTER && s.state() == NodeState.UP)
                .filter(s -> master == null || !s.address().equals(master.address())).collect(Collectors.toList());
    }
}
