package io.github.understudy;

import io.github.understudy.internal.AddressParser;
import io.github.understudy.internal.Check;
import io.github.understudy.internal.ConfigRules;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How Understudy reacts to a dead master. Immutable; {@link #builder()} holds the defaults: promote the most
 * advanced replica as soon as the master is confirmed dead, at most once a minute.
 *
 * @param strategy            what to do when the master is dead
 * @param deadMasterAfter     how long the master must have been unreachable before it may be declared dead (the
 *                            replicas must confirm it too); 0 = at the first failed probe
 * @param relayLogWait        how long candidates may take to apply their relay logs before promotion
 * @param minInterval         the least time between two automatic failovers (anti-flapping)
 * @param neverPromote        nodes never promoted
 * @param preferPromote       nodes preferred among equally advanced candidates
 * @param replicationUser     the user replicas connect with, needed to rejoin an old master as a replica; null:
 *                            old masters are fenced but not rejoined
 * @param replicationPassword its password
 * @param repointCheck        how long to wait for a repointed replica to replicate before reporting it as failed
 */
public record FailoverSettings(PromotionStrategy strategy, Duration deadMasterAfter, Duration relayLogWait,
                               Duration minInterval, Set<HostAndPort> neverPromote, Set<HostAndPort> preferPromote,
                               String replicationUser, String replicationPassword, Duration repointCheck) {

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public FailoverSettings {
        Check.notNull("strategy", strategy);
        Check.notNegative("deadMasterAfter", deadMasterAfter);
        Check.positive("relayLogWait", relayLogWait);
        Check.notNegative("minInterval", minInterval);
        Check.positive("repointCheck", repointCheck);
        neverPromote = Set.copyOf(neverPromote);
        preferPromote = Set.copyOf(preferPromote);
        if ((replicationUser == null) != (replicationPassword == null)) {
            throw Check.invalid("replicationPassword", "set together with replicationUser", replicationUser == null
                    ? "a password without a user" : "a user without a password");
        }
    }

    /** @return the defaults */
    public static FailoverSettings defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "FailoverSettings{strategy=" + strategy + ", deadMasterAfter=" + deadMasterAfter + ", relayLogWait="
                + relayLogWait + ", minInterval=" + minInterval + ", neverPromote=" + neverPromote + ", preferPromote="
                + preferPromote + ", replicationUser=" + replicationUser + ", replicationPassword="
                + (replicationPassword == null ? null : "****") + ", repointCheck=" + repointCheck + "}";
    }

    /** Builds {@link FailoverSettings}; each setter checks its value at once. */
    public static final class Builder {
        private PromotionStrategy strategy = PromotionStrategy.mostAdvancedReplica();
        private Duration deadMasterAfter = Duration.ZERO;
        private Duration relayLogWait = Duration.ofSeconds(5);
        private Duration minInterval = Duration.ofSeconds(60);
        private Set<HostAndPort> neverPromote = Set.of();
        private Set<HostAndPort> preferPromote = Set.of();
        private String replicationUser;
        private String replicationPassword;
        private Duration repointCheck = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * @param value what to do when the master is dead; default {@link PromotionStrategy#mostAdvancedReplica()}
         * @return this builder
         */
        public Builder strategy(PromotionStrategy value) {
            strategy = Check.notNull("strategy", value);
            return this;
        }

        /**
         * @param value how long the master must be unreachable before it may be declared dead; default 0
         * @return this builder
         */
        public Builder deadMasterAfter(Duration value) {
            deadMasterAfter = Check.notNegative("deadMasterAfter", value);
            return this;
        }

        /**
         * @param value how long candidates may take to apply their relay logs; default 5 s
         * @return this builder
         */
        public Builder relayLogWait(Duration value) {
            relayLogWait = Check.positive("relayLogWait", value);
            return this;
        }

        /**
         * @param value the least time between two automatic failovers; default 60 s
         * @return this builder
         */
        public Builder minInterval(Duration value) {
            minInterval = Check.notNegative("minInterval", value);
            return this;
        }

        /**
         * @param hostAndPorts nodes never to promote
         * @return this builder
         */
        public Builder neverPromote(List<String> hostAndPorts) {
            neverPromote = parse("neverPromote", hostAndPorts);
            return this;
        }

        /**
         * @param hostAndPorts nodes preferred among equally advanced candidates
         * @return this builder
         */
        public Builder preferPromote(List<String> hostAndPorts) {
            preferPromote = parse("preferPromote", hostAndPorts);
            return this;
        }

        /**
         * @param user     the replication user (rejoining an old master needs it)
         * @param password its password
         * @return this builder
         */
        public Builder replicationCredentials(String user, String password) {
            // It goes into CHANGE MASTER TO: the same rules as every other user name.
            replicationUser = ConfigRules.username("replicationUser", user);
            replicationPassword = Check.notNull("replicationPassword", password);
            return this;
        }

        /**
         * @param value how long a repointed replica may take to replicate; default 5 s
         * @return this builder
         */
        public Builder repointCheck(Duration value) {
            repointCheck = Check.positive("repointCheck", value);
            return this;
        }

        /** @return the settings */
        public FailoverSettings build() {
            return new FailoverSettings(strategy, deadMasterAfter, relayLogWait, minInterval, neverPromote,
                    preferPromote, replicationUser, replicationPassword, repointCheck);
        }

        private static Set<HostAndPort> parse(String setting, List<String> hostAndPorts) {
            Set<HostAndPort> parsed = new LinkedHashSet<>();
            for (int i = 0; i < Check.notNull(setting, hostAndPorts).size(); i++) {
                parsed.add(AddressParser.parse(setting + "[" + i + "]", hostAndPorts.get(i)));
            }
            return parsed;
        }
    }
}
