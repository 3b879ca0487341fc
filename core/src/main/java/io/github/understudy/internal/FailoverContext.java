package io.github.understudy.internal;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.PromotionContext;
import io.github.understudy.ReplicationDialect;
import io.github.understudy.TopologySnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The {@link PromotionContext} of one failover. */
record FailoverContext(String dataSourceName, TopologySnapshot topology, HostAndPort failedMaster,
                       List<HostAndPort> candidates, ReplicationDialect dialect, FailoverSettings settings,
                       ConnectionFactory connections, Duration detectionSlack) implements PromotionContext {

    @Override
    public Connection admin(HostAndPort node) throws SQLException {
        // Long enough for the relay-log wait, which runs inside one statement, and for stopping a receiver stuck
        // connecting to a hung master (up to the replica's slave_net_timeout).
        return connections.admin(node, settings.relayLogWait().plusSeconds(60));
    }

    @Override
    public Duration relayLogWait() {
        return settings.relayLogWait();
    }

    @Override
    public Set<HostAndPort> neverPromote() {
        return settings.neverPromote();
    }

    @Override
    public Set<HostAndPort> preferPromote() {
        return settings.preferPromote();
    }
}
