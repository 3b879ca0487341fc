package io.github.understudy.internal;

import io.github.understudy.FailoverSettings;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a failover of a dead master may run now: a pure function of the settings, the last failover and how
 * many replicas answer. What it returns is the reason to hold back, {@code ""} when there is none.
 */
final class FailoverGuards {

    private FailoverGuards() {
    }

    /**
     * @param lastFailover the last failover or switchover seen by this instance, null when none
     * @param now          the diagnosis time
     * @param reachable    replicas that answered the diagnosis
     * @param configured   replicas configured (every host but the master)
     */
    static String holdBack(FailoverSettings settings, Instant lastFailover, Instant now, int reachable,
                           int configured) {
        if (!settings.strategy().changesServers()) {
            return settings.strategy() + " changes no server: waiting for a node to be made the writable master "
                    + "(failover.strategy)";
        }
        if (lastFailover != null && Duration.between(lastFailover, now).compareTo(settings.minInterval()) < 0) {
            return "the last failover was at " + lastFailover + ", less than " + settings.minInterval()
                    + " ago (failover.minInterval)";
        }
        // Instances may see different replicas: each must lock a majority of all of them, so two can't both win.
        int quorum = configured / 2 + 1;
        if (reachable < quorum) {
            return "only " + reachable + " of " + configured + " replicas answer; a promotion needs the failover "
                    + "lock on a majority (" + quorum + ")";
        }
        return "";
    }
}
