package io.github.understudy.spring.boot.actuate;

import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyDataSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one Understudy DataSource: {@code DOWN} when writes have no master (none reachable, or more than
 * one node claims to be writable), {@code UP} otherwise, even with every replica down: writes still work, and reads
 * fall back to the master unless {@code readFallbackToMaster} is off. The details show each node's role, state, lag
 * and last problem.
 *
 * <p>One indicator per DataSource rather than one per node: a node's own status would be aggregated, and one dead
 * replica would turn the application's health {@code DOWN} and get it restarted for nothing.
 */
public final class UnderstudyHealthIndicator implements HealthIndicator {

    private final UnderstudyDataSource dataSource;

    /**
     * Creates the indicator.
     *
     * @param dataSource the DataSource whose topology it reports
     */
    public UnderstudyHealthIndicator(UnderstudyDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@return the health, read from the last topology the DataSource's monitor published: no I/O} */
    @Override
    public Health health() {
        TopologySnapshot topology = dataSource.topology();
        List<NodeStatus> masters = writableMasters(topology);
        Health.Builder health = masters.size() == 1 ? Health.up() : Health.down();
        health.withDetail("name", dataSource.name());
        if (masters.size() == 1) {
            health.withDetail("master", masters.get(0).address().toString());
        } else {
            health.withDetail("problem", masters.isEmpty() ? "no reachable writable master"
                    : masters.size() + " nodes report being writable masters: refusing to route writes");
        }
        return health.withDetail("epoch", topology.epoch())
                .withDetail("replicas", topology.replicas().size())
                .withDetail("healthyReplicas", topology.healthyReplicas().size())
                .withDetail("nodes", nodes(topology))
                .build();
    }

    /** The nodes that writes may go to, by core's routing rule: role master, state up or suspect. */
    static List<NodeStatus> writableMasters(TopologySnapshot topology) {
        return topology.nodes().stream()
                .filter(n -> n.role() == Role.MASTER && (n.state() == NodeState.UP || n.state() == NodeState.SUSPECT))
                .toList();
    }

    private static Map<String, NodeDescriptor> nodes(TopologySnapshot topology) {
        Map<String, NodeDescriptor> nodes = new LinkedHashMap<>();
        topology.nodes().forEach(node -> nodes.put(node.address().toString(), NodeDescriptor.of(node)));
        return nodes;
    }
}
