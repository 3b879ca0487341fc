package io.github.understudy;

import io.github.understudy.internal.MostAdvancedReplica;
import io.github.understudy.internal.PassiveStrategy;

import java.sql.SQLException;

/**
 * What to do when the master is dead ({@link Diagnosis#DEAD_MASTER}): the one question this SPI answers. It runs
 * in one application instance at a time (Understudy holds a lock on the surviving nodes), after the diagnosis.
 * When it promotes a node, Understudy repoints the other replicas to it, routes writes to it, and fences the old
 * master when it returns.
 */
public interface PromotionStrategy {

    /**
     * Chooses a replica and makes it the master, or decides not to.
     *
     * @param context the failed master, the candidates, admin connections and the dialect
     * @return what was done
     * @throws SQLException when a statement failed; the failover is reported as failed
     */
    PromotionOutcome promote(PromotionContext context) throws SQLException;

    /**
     * @return whether Understudy may change the servers (repoint, fence, rejoin); false for strategies that leave
     *         that to an operator or another tool
     */
    default boolean changesServers() {
        return true;
    }

    /**
     * The default: waits (up to {@code relayLogWait}) for the candidates to apply their relay logs, rejects those
     * with errant transactions, replication errors or marked never-promote, promotes the most advanced (a
     * prefer-mark breaks ties): {@code STOP SLAVE; RESET SLAVE ALL}, {@code read_only}/{@code super_read_only} off.
     *
     * @return the strategy
     */
    static PromotionStrategy mostAdvancedReplica() {
        return new MostAdvancedReplica();
    }

    /**
     * No automatic action: writes wait {@code masterWaitTimeout}, then fail with SQLState 08001; Understudy follows
     * as soon as an operator makes a node the writable master.
     *
     * @return the strategy
     */
    static PromotionStrategy none() {
        return new PassiveStrategy("none", "no automatic failover (failover.strategy=none): make a replica writable to resume writes", true);
    }

    /**
     * For clusters managed by Orchestrator, MHA or similar: Understudy never changes the servers, it only follows
     * the topology the tool sets up (the node that turns writable and replicates from no one), at the next probe.
     *
     * @return the strategy
     */
    static PromotionStrategy external() {
        return new PassiveStrategy("external", "waiting for the external failover tool (failover.strategy=external) to promote a replica", false);
    }

    /**
     * A strategy by name, for string configuration.
     *
     * @param name {@code most-advanced-replica}, {@code none} or {@code external}
     * @return the strategy
     * @throws IllegalArgumentException for another name
     */
    static PromotionStrategy named(String name) {
        switch (name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "most-advanced-replica":
                return mostAdvancedReplica();
            case "none":
                return none();
            case "external":
                return external();
            default:
                throw io.github.understudy.internal.Check.invalid("failover.strategy",
                        "one of [most-advanced-replica, none, external]", name);
        }
    }
}
