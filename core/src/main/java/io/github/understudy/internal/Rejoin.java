package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.RepointResult;
import io.github.understudy.RepointResult.Outcome;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.RejoinRefused;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a read-only node that does not replicate from the master (an old master fenced, a node back from a
 * restart, a replica of a source that is gone) a replica of the master, when it holds nothing the master lacks;
 * else leaves it alone and says why. Announces either, once per attempt.
 */
final class Rejoin {

    private static final Logger LOG = LoggerFactory.getLogger(Rejoin.class);

    private final Services services;

    Rejoin(Services services) {
        this.services = services;
    }

    /**
     * @param node         a session on the node, which is read-only already
     * @param startApplier false to leave its applier stopped (an operator stopped it)
     * @return what became of it
     */
    RepointResult rejoin(ServerSession node, HostAndPort master, boolean startApplier) throws SQLException {
        String executed = node.executed();
        try (ServerSession current = services.session(master)) {
            EpochStore.Epoch epoch = EpochStore.read(current);
            String errant = Errant.againstMaster(node.dialect().mariadb(), executed, current.executed(),
                    serverId(current), epoch.promotionPoint());
            if (!errant.isEmpty()) {
                return refuse(node.node(), "it has transactions the master " + master + " lacks: rebuild it from a "
                        + "replica", errant);
            }
            // As a replica its applier's commits must not wait for acknowledgements; nothing it has is missing
            // on the master (checked above).
            SemiSync.demoted(node);
            RepointResult result = RepointPlan.of(current, epoch).join(services, node, startApplier);
            if (!result.replicating()) {
                return refuse(node.node(), "it does not replicate from " + master + ": " + result, "");
            }
        }
        LOG.info("{} - {} rejoined as a replica of {}", services.name(), node.node(), master);
        services.events().publish(new NodeRejoined(services.name(), services.clock().instant(), node.node(), master));
        return RepointResult.REPLICATING;
    }

    private static long serverId(ServerSession session) throws SQLException {
        return Long.parseLong(session.text("SELECT @@global.server_id"));
    }

    private RepointResult refuse(HostAndPort node, String reason, String errant) {
        LOG.warn("{} - {} not rejoined: {}{}", services.name(), node, reason,
                errant.isEmpty() ? "" : " (errant: " + errant + ")");
        services.events().publish(new RejoinRefused(services.name(), services.clock().instant(), node, reason,
                errant));
        return RepointResult.of(errant.isEmpty() ? Outcome.NOT_REPLICATING : Outcome.REFUSED, reason);
    }
}
