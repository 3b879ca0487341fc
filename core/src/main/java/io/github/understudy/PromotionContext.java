package io.github.understudy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** What a {@link PromotionStrategy} is given when the master is dead. */
public interface PromotionContext {

    /** @return the DataSource's name, for log lines */
    String dataSourceName();

    /** @return the topology when the master was declared dead */
    TopologySnapshot topology();

    /** @return the master that died */
    HostAndPort failedMaster();

    /** @return the replicas that answered when the master was declared dead: the candidates */
    List<HostAndPort> candidates();

    /**
     * Opens an admin connection (admin credentials; a socket timeout long enough for {@link #relayLogWait()}).
     *
     * @param node a node
     * @return a new connection; the caller closes it
     * @throws SQLException when the node does not accept it
     */
    Connection admin(HostAndPort node) throws SQLException;

    /** @return the statements of this cluster's servers */
    ReplicationDialect dialect();

    /** @return how long candidates may take to apply their relay logs ({@code relayLogWait}) */
    Duration relayLogWait();

    /** @return nodes never to promote ({@code neverPromote}) */
    Set<HostAndPort> neverPromote();

    /** @return nodes preferred when candidates are equally advanced ({@code preferPromote}) */
    Set<HostAndPort> preferPromote();

    /**
     * How long before the failed master's first failed probe a replica's receiver may have lost it and still count
     * as replicating from it when it failed: a killed master's replicas notice at once, Understudy at its next
     * probe. A replica that lost the master earlier than that is stale (see
     * {@link RejectedCandidate.Reason#NOT_REPLICATING_FROM_MASTER}).
     *
     * @return the probe interval plus the probe timeout
     */
    Duration detectionSlack();
}
