package io.github.understudy;

import io.github.understudy.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The state of every configured node at one moment: who is master, which replicas are healthy, and the epoch
 * (the number of the master's term, raised by each failover).
 *
 * <p>Immutable and swapped as a whole, so a request reads one consistent view without locking. The derived views
 * ({@link #master()}, {@link #replicas()}, {@link #healthyReplicas()}) are computed once, when the snapshot is
 * made.
 */
public final class TopologySnapshot {

    private final long epoch;
    private final List<NodeStatus> nodes;
    private final Instant takenAt;
    private final Map<HostAndPort, NodeStatus> byAddress;
    private final Optional<NodeStatus> master;
    private final List<NodeStatus> replicas;
    private final List<NodeStatus> healthyReplicas;

    private TopologySnapshot(long epoch, List<NodeStatus> nodes, Instant takenAt) {
        if (epoch < 0) {
            throw Check.invalid("epoch", ">= 0", epoch);
        }
        this.epoch = epoch;
        this.nodes = List.copyOf(Check.notNull("nodes", nodes));
        this.takenAt = Check.notNull("takenAt", takenAt);
        this.byAddress = indexByAddress(this.nodes);
        this.master = this.nodes.stream()
                .filter(n -> n.role() == Role.MASTER && n.state() != NodeState.FENCED)
                .findFirst();
        this.replicas = this.nodes.stream().filter(n -> n.role() == Role.REPLICA).toList();
        this.healthyReplicas = replicas.stream().filter(NodeStatus::readable).toList();
    }

    /**
     * Creates a snapshot.
     *
     * @param epoch the master's term, {@code >= 0}
     * @param nodes every configured node, in configured order, each address once
     * @param takenAt when the statuses were gathered
     * @return the snapshot
     * @throws IllegalArgumentException when the epoch is negative or an address appears twice
     * @throws NullPointerException when an argument or a node is null
     */
    public static TopologySnapshot of(long epoch, List<NodeStatus> nodes, Instant takenAt) {
        return new TopologySnapshot(epoch, nodes, takenAt);
    }

    private static Map<HostAndPort, NodeStatus> indexByAddress(List<NodeStatus> nodes) {
        Map<HostAndPort, NodeStatus> index = new HashMap<>();
        for (NodeStatus node : nodes) {
            if (index.put(node.address(), node) != null) {
                throw new IllegalArgumentException(
                        "nodes must not contain duplicates, but " + node.address() + " appears twice");
            }
        }
        return Map.copyOf(index);
    }

    /** {@return the master's term: raised by one on each failover, so the highest epoch names the real master} */
    public long epoch() {
        return epoch;
    }

    /** {@return every configured node, in configured order} */
    public List<NodeStatus> nodes() {
        return nodes;
    }

    /** {@return when the statuses in this snapshot were gathered} */
    public Instant takenAt() {
        return takenAt;
    }

    /** {@return the first node whose role is master and that is not fenced, whatever its state} */
    public Optional<NodeStatus> master() {
        return master;
    }

    /** {@return every node whose role is replica, whatever its state, in configured order} */
    public List<NodeStatus> replicas() {
        return replicas;
    }

    /** {@return the replicas that may serve reads now (state {@link NodeState#UP}), in configured order} */
    public List<NodeStatus> healthyReplicas() {
        return healthyReplicas;
    }

    /** {@return the status of the node at this address, empty when it is not configured} */
    public Optional<NodeStatus> node(HostAndPort address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /**
     * Returns a snapshot in which the node with the same address is replaced; epoch and {@code takenAt} stay.
     *
     * @param node the new status of a configured node
     * @return the new snapshot
     * @throws IllegalArgumentException when no node has that address
     */
    public TopologySnapshot withNode(NodeStatus node) {
        Check.notNull("node", node);
        if (!byAddress.containsKey(node.address())) {
            throw Check.invalid("node", "one of " + byAddress.keySet(), node.address());
        }
        List<NodeStatus> changed = new ArrayList<>(nodes);
        changed.replaceAll(n -> n.address().equals(node.address()) ? node : n);
        return new TopologySnapshot(epoch, changed, takenAt);
    }

    /**
     * Returns this snapshot with another epoch.
     *
     * @param newEpoch the new term, {@code >= 0}
     * @return the new snapshot
     */
    public TopologySnapshot withEpoch(long newEpoch) {
        return new TopologySnapshot(newEpoch, nodes, takenAt);
    }

    /**
     * Summarises the snapshot for error messages and logs, e.g.
     * {@code replicas=2, healthy=0, down=[db2:3306 refused], lagging=[db3:3306 lag 31s > max-lag 5s],
     * master=db1:3306 UP, epoch=3}. The lists of replicas that are down, lagging, suspect or fenced appear only
     * when not empty; {@code master=none} when no node is master.
     *
     * @return the summary
     */
    public String describe() {
        StringJoiner summary = new StringJoiner(", ");
        summary.add("replicas=" + replicas.size()).add("healthy=" + healthyReplicas.size());
        addList(summary, "down", NodeState.DOWN);
        addList(summary, "lagging", NodeState.LAGGING);
        addList(summary, "suspect", NodeState.SUSPECT);
        addList(summary, "fenced", NodeState.FENCED);
        summary.add("master=" + master.map(m -> m.address() + " " + withReason(m.state().name(), m)).orElse("none"));
        summary.add("epoch=" + epoch);
        String modes = replicationModes();
        return modes.isEmpty() ? summary.toString() : summary.add(modes).toString();
    }

    /**
     * {@return how the replicas replicate: {@code "replication=GTID"}, or each node's mode when they differ (a mixed
     * cluster, which failover without GTIDs cannot compare), {@code ""} when no replica was seen replicating}
     */
    public String replicationModes() {
        List<NodeStatus> replicating = nodes.stream().filter(n -> n.replication() != null).toList();
        long kinds = replicating.stream().map(n -> n.replication().mode()).distinct().count();
        if (kinds == 0) {
            return "";
        }
        return kinds == 1 ? "replication=" + replicating.get(0).replication().mode()
                : replicating.stream().map(n -> n.address() + " " + n.replication().mode())
                        .collect(Collectors.joining(", ", "replication=mixed[", "]"));
    }

    private void addList(StringJoiner summary, String label, NodeState state) {
        String listed = nodes.stream()
                .filter(n -> n.state() == state && !master.map(n::equals).orElse(false))
                .map(n -> withReason(n.address().toString(), n))
                .collect(Collectors.joining(", ", label + "=[", "]"));
        if (!listed.endsWith("=[]")) {
            summary.add(listed);
        }
    }

    private static String withReason(String text, NodeStatus node) {
        return node.reason().isEmpty() ? text : text + " " + node.reason();
    }

    /** {@return the message followed by the topology summary in parentheses, or the message alone without one} */
    static String withSummary(String message, TopologySnapshot topology) {
        return topology == null ? message : message + " (" + topology.describe() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopologySnapshot that
                && epoch == that.epoch && nodes.equals(that.nodes) && takenAt.equals(that.takenAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, nodes, takenAt);
    }

    @Override
    public String toString() {
        return "TopologySnapshot{" + describe() + ", takenAt=" + takenAt + "}";
    }
}
