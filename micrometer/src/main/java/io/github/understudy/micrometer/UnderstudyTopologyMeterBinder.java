package io.github.understudy.micrometer;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Gauges of the topology of every Understudy DataSource, read from its last snapshot at each scrape (no I/O):
 * <ul>
 *   <li>{@code understudy.node.state} (tags {@code datasource}, {@code node}, {@code state}): 1 for the node's
 *       current state, 0 for the others;</li>
 *   <li>{@code understudy.node.role} (tags {@code datasource}, {@code node}, {@code role}): 1 for its role;</li>
 *   <li>{@code understudy.node.lag} (seconds; tags {@code datasource}, {@code node}): a replica's lag, NaN when
 *       unknown or for a master;</li>
 *   <li>{@code understudy.replicas.healthy} (tag {@code datasource}): replicas serving reads;</li>
 *   <li>{@code understudy.epoch} (tag {@code datasource}): the epoch (master's term) this application instance
 *       follows: every instance of a fleet should report the same one.</li>
 * </ul>
 * It also registers the {@code understudy.failovers} counter at 0, which {@link UnderstudyEventMeters} increments.
 */
public final class UnderstudyTopologyMeterBinder implements MeterBinder {

    private final Collection<UnderstudyDataSource> dataSources;

    /**
     * Creates the binder.
     *
     * @param dataSources the DataSources to report
     */
    public UnderstudyTopologyMeterBinder(Collection<UnderstudyDataSource> dataSources) {
        this.dataSources = dataSources;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (UnderstudyDataSource dataSource : dataSources) {
            Tags tags = Tags.of("datasource", dataSource.name());
            for (NodeStatus node : dataSource.topology().nodes()) {
                bindNode(registry, dataSource, node.address(), tags.and("node", node.address().toString()));
            }
            Gauge.builder("understudy.replicas.healthy", dataSource, d -> d.topology().healthyReplicas().size())
                    .description("Replicas serving reads").tags(tags).register(registry);
            Gauge.builder("understudy.epoch", dataSource, d -> d.topology().epoch())
                    .description("The master's term as this instance follows it; instances that disagree stand out")
                    .tags(tags).register(registry);
            // Both kinds from the start, with the tags the events use: a meter keeps one set of tag keys.
            for (String kind : new String[] {"failover", "switchover"}) {
                Counter.builder(UnderstudyEventMeters.FAILOVERS).description(UnderstudyEventMeters.FAILOVERS_DESCRIPTION)
                        .tags(tags).tag("kind", kind).register(registry);
            }
        }
    }

    private static void bindNode(MeterRegistry registry, UnderstudyDataSource dataSource, HostAndPort node, Tags tags) {
        for (NodeState state : NodeState.values()) {
            Gauge.builder("understudy.node.state", dataSource, d -> status(d, node).filter(s -> s.state() == state)
                            .map(s -> 1.0).orElse(0.0))
                    .description("1 when the node is in this state, else 0")
                    .tags(tags.and("state", state.name().toLowerCase(Locale.ROOT))).register(registry);
        }
        for (Role role : Role.values()) {
            Gauge.builder("understudy.node.role", dataSource, d -> status(d, node).filter(s -> s.role() == role)
                            .map(s -> 1.0).orElse(0.0))
                    .description("1 when the node has this role, else 0")
                    .tags(tags.and("role", role.name().toLowerCase(Locale.ROOT))).register(registry);
        }
        Gauge.builder("understudy.node.lag", dataSource, d -> status(d, node).filter(s -> s.lag() != null)
                        .map(s -> s.lag().toNanos() / 1e9).orElse(Double.NaN))
                .description("How far the replica is behind its master; NaN when unknown or for a master")
                .baseUnit("seconds").tags(tags).register(registry);
    }

    private static Optional<NodeStatus> status(UnderstudyDataSource dataSource, HostAndPort node) {
        return dataSource.topology().node(node);
    }
}
