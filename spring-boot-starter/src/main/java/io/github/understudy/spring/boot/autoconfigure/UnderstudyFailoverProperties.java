package io.github.understudy.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code understudy.failover.*} settings: how a dead master is replaced. Each maps to the
 * {@link io.github.understudy.FailoverSettings.Builder} method of the same name, which checks it; the defaults are
 * core's. A {@link io.github.understudy.PromotionStrategy} bean, when the application defines one, is used instead
 * of {@code strategy}.
 */
public class UnderstudyFailoverProperties {

    /**
     * What to do when the master is dead: most-advanced-replica (promote the replica that applied the most), none
     * (writes fail until an operator makes a node the writable master) or external (follow what Orchestrator, MHA
     * or a similar tool promotes). A PromotionStrategy bean takes precedence.
     */
    private String strategy = "most-advanced-replica";

    /**
     * How long the master must have been unreachable before it may be declared dead (the replicas must confirm it
     * too); 0 declares it at the first failed probe.
     */
    private Duration deadMasterAfter = Duration.ofMillis(0);

    /** How long the candidates may take to apply their relay logs before one is promoted. */
    private Duration relayLogWait = Duration.ofSeconds(5);

    /** Least time between two automatic failovers, against flapping. */
    private Duration minInterval = Duration.ofSeconds(60);

    /** Nodes never to promote, as host:port among understudy.hosts. */
    private List<String> neverPromote = new ArrayList<>();

    /** Nodes preferred among equally advanced candidates, as host:port among understudy.hosts. */
    private List<String> preferPromote = new ArrayList<>();

    /** How long a repointed replica may take to replicate from the new master before it is reported as failed. */
    private Duration repointCheck = Duration.ofSeconds(5);

    /** The user that replicas connect to their master as: needed to rejoin an old master and for switchovers. */
    private final Replication replication = new Replication();

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public Duration getDeadMasterAfter() {
        return deadMasterAfter;
    }

    public void setDeadMasterAfter(Duration deadMasterAfter) {
        this.deadMasterAfter = deadMasterAfter;
    }

    public Duration getRelayLogWait() {
        return relayLogWait;
    }

    public void setRelayLogWait(Duration relayLogWait) {
        this.relayLogWait = relayLogWait;
    }

    public Duration getMinInterval() {
        return minInterval;
    }

    public void setMinInterval(Duration minInterval) {
        this.minInterval = minInterval;
    }

    public List<String> getNeverPromote() {
        return neverPromote;
    }

    public void setNeverPromote(List<String> neverPromote) {
        this.neverPromote = neverPromote;
    }

    public List<String> getPreferPromote() {
        return preferPromote;
    }

    public void setPreferPromote(List<String> preferPromote) {
        this.preferPromote = preferPromote;
    }

    public Duration getRepointCheck() {
        return repointCheck;
    }

    public void setRepointCheck(Duration repointCheck) {
        this.repointCheck = repointCheck;
    }

    public Replication getReplication() {
        return replication;
    }

    /** The replication user (REPLICATION SLAVE): set both or neither. */
    public static class Replication {

        /**
         * User that replicas connect to their master as. Unset, an old master that comes back is fenced (read-only)
         * but not rejoined as a replica, and switchovers are refused.
         */
        private String username;

        /** Password of the replication user; use "" for none. Never logged. */
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }
}
