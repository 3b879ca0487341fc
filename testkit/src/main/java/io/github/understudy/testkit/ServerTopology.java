package io.github.understudy.testkit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster as its servers report it, node by node.
 *
 * @param nodes one report per node, in the cluster's order
 */
public record ServerTopology(List<NodeReport> nodes) {

    /** @return the nodes that are running, writable and replicate from no one (one, in a sound cluster) */
    public List<NodeReport> masters() {
        return nodes.stream().filter(NodeReport::master).collect(Collectors.toList());
    }

    /** @return the single master, or empty when there is none or more than one */
    public Optional<NodeReport> master() {
        List<NodeReport> masters = masters();
        return masters.size() == 1 ? Optional.of(masters.get(0)) : Optional.empty();
    }

    /**
     * @param name a node's name
     * @return that node's report
     */
    public NodeReport node(String name) {
        return nodes.stream().filter(report -> report.node().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("node must be one of the cluster's, but was " + name));
    }

    @Override
    public String toString() {
        return nodes.stream().map(n -> n.node() + "[" + n.state() + (n.running() ? (n.readOnly() ? " ro" : " rw")
                + (n.replicating() ? " <-" + n.sourcePort() + " io=" + n.ioRunning() + " sql=" + n.sqlRunning() : "")
                + (n.lastError().isEmpty() ? "" : " error=" + n.lastError()) : "") + "]")
                .collect(Collectors.joining(", "));
    }
}
