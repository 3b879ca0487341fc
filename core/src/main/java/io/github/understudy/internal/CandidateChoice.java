package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.RejectedCandidate.Reason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which replica to promote: a pure function over what was gathered from the candidates once their receivers were
 * stopped and their relay logs applied. A candidate must have been replicating from the failed master when it
 * failed, be free of errors and errant transactions, and have applied what it received; of those, the most
 * advanced wins, and only if it holds every transaction of the failed master that any other candidate holds —
 * otherwise nothing is promoted, since promoting it would lose them.
 */
final class CandidateChoice {

    private CandidateChoice() {
    }

    /**
     * What was gathered from one candidate.
     *
     * @param node         the candidate
     * @param failure      why it could not be checked, {@code ""} when it was
     * @param status       its replica status once its receiver was stopped, null when it replicates from no one
     * @param executed     every transaction it has, after the relay-log wait
     * @param gtidMode     whether its binary log carries GTIDs (always on MariaDB)
     */
    record Facts(HostAndPort node, String failure, ReplicaStatus status, String executed, boolean gtidMode) {
        static Facts failed(HostAndPort node, String why) {
            return new Facts(node, why, null, "", false);
        }
    }

    /**
     * The failed master as last seen.
     *
     * @param address     its address
     * @param serverId    its {@code server_id}, 0 when never seen
     * @param lastKnown   its executed transactions at its last good probe
     * @param failedSince when it stopped answering
     */
    record Master(HostAndPort address, long serverId, String lastKnown, Instant failedSince) {
    }

    /**
     * Everything the choice looks at.
     *
     * @param master  the failed master
     * @param mariadb whether the servers are MariaDB
     * @param facts   one per candidate, in the configured order
     * @param before  each candidate's replication at its last probe before the failover
     * @param slack   how long before the master's first failure a receiver may have lost it and still count as
     *                replicating from it (a killed master's replicas notice before the next probe does)
     * @param never   {@code failover.neverPromote}
     * @param prefer  {@code failover.preferPromote}
     */
    record Inputs(Master master, boolean mariadb, List<Facts> facts, Map<HostAndPort, NodeStatus.Replication> before,
                  Duration slack, Set<HostAndPort> never, Set<HostAndPort> prefer) {
    }

    static PromotionOutcome choose(Inputs in) {
        List<Facts> checked = in.facts().stream().filter(f -> f.failure().isEmpty()).toList();
        boolean gtids = in.mariadb() || checked.stream().allMatch(Facts::gtidMode);
        if (!gtids && checked.stream().anyMatch(Facts::gtidMode)) {
            return PromotionOutcome.nothing("the candidates mix gtid_mode ON and OFF (" + checked.stream()
                    .map(f -> f.node() + " " + (f.gtidMode() ? "ON" : "OFF")).toList() + "): their positions cannot "
                    + "be compared; set one gtid_mode on every node", List.of());
        }
        Progress progress = Progress.of(in.mariadb(), gtids, in.master(), uuid(in.facts()));
        List<RejectedCandidate> rejected = new ArrayList<>();
        List<Facts> fit = new ArrayList<>();
        List<Facts> holders = new ArrayList<>();
        for (Facts facts : in.facts()) {
            RejectedCandidate rejection = judge(in, facts, progress);
            if (rejection == null) {
                fit.add(facts);
            } else {
                rejected.add(rejection);
            }
            if (rejection == null || holds(rejection.reason())) {
                holders.add(facts);
            }
        }
        return fit.isEmpty() ? PromotionOutcome.nothing("no replica can be promoted", rejected)
                : promote(in, progress, best(in, fit, progress), fit, holders, rejected);
    }

    /** The best fit one, if it holds what every holder holds (else nothing: promoting it would lose that). */
    private static PromotionOutcome promote(Inputs in, Progress progress, Facts best, List<Facts> fit,
                                            List<Facts> holders, List<RejectedCandidate> rejected) {
        for (Facts holder : holders) {
            if (!progress.covers(best, holder)) {
                return PromotionOutcome.nothing(best.node() + " is the most advanced candidate, but it lacks "
                        + "transactions of " + in.master().address() + " that " + holder.node() + " has ("
                        + holder.node() + ": " + progress.describe(holder) + ", received " + progress.received(holder)
                        + "; " + best.node() + ": " + progress.describe(best) + "): promoting it would lose them; let "
                        + holder.node() + " apply its relay log (failover.relayLogWait) or promote by hand",
                        rejected);
            }
        }
        fit.stream().filter(f -> f != best).forEach(f -> rejected.add(new RejectedCandidate(f.node(),
                Reason.LESS_ADVANCED, lessAdvanced(in, progress, f, best))));
        BinlogPosition applied = best.status().applied();
        boolean byCoordinates = progress instanceof Progress.Coordinates;
        return PromotionOutcome.promoted(best.node(), rejected,
                byCoordinates && applied != null ? applied.toString() : "");
    }

    /** Whether a candidate rejected for this reason still holds transactions of the master the winner must have. */
    private static boolean holds(Reason reason) {
        return reason == Reason.NEVER_PROMOTE || reason == Reason.RELAY_LOG_NOT_APPLIED;
    }

    /** Null when fit. */
    private static RejectedCandidate judge(Inputs in, Facts facts, Progress progress) {
        HostAndPort node = facts.node();
        if (!facts.failure().isEmpty()) {
            return new RejectedCandidate(node, Reason.CHECK_FAILED, facts.failure());
        }
        if (facts.status() == null) {
            return new RejectedCandidate(node, Reason.NOT_A_REPLICA, "it replicates from no one");
        }
        String stale = stale(in, node);
        if (!stale.isEmpty()) {
            return new RejectedCandidate(node, Reason.NOT_REPLICATING_FROM_MASTER, stale);
        }
        if (!facts.status().applierError().isEmpty()) {
            return new RejectedCandidate(node, Reason.REPLICATION_ERROR, facts.status().applierError());
        }
        String errant = progress instanceof Progress.Coordinates ? "" : Errant.ofCandidate(in.mariadb(),
                facts.executed(), in.master().lastKnown(), in.master().serverId(), facts.status().sourceUuid());
        if (!errant.isEmpty()) {
            return new RejectedCandidate(node, Reason.ERRANT_TRANSACTIONS, errant);
        }
        if (!progress.appliedAll(facts)) {
            return new RejectedCandidate(node, Reason.RELAY_LOG_NOT_APPLIED, "received " + progress.received(facts)
                    + ", " + progress.describe(facts) + " within failover.relayLogWait");
        }
        if (in.never().contains(node)) {
            return new RejectedCandidate(node, Reason.NEVER_PROMOTE, "marked never promote (failover.neverPromote)");
        }
        return null;
    }

    /**
     * Why the node was not replicating from the failed master when it failed, {@code ""} when it was: its source
     * at the last probe was the master, and its receiver was connected then or lost it no earlier than the
     * failure (less the slack).
     */
    static String stale(Inputs in, HostAndPort node) {
        NodeStatus.Replication before = in.before().get(node);
        if (before == null) {
            return "it was never seen replicating";
        }
        if (in.master().serverId() != 0 && before.sourceServerId() != in.master().serverId()) {
            return "it replicated from server_id " + before.sourceServerId() + " (" + before.source() + "), not from "
                    + in.master().address() + " (server_id " + in.master().serverId() + ")";
        }
        Instant lost = before.receiverLostAt();
        Instant limit = in.master().failedSince().minus(in.slack());
        if (!before.receiving() && lost != null && lost.isBefore(limit)) {
            return "its receiver had lost " + in.master().address() + " at " + lost + ", before the master failed at "
                    + in.master().failedSince() + ": it misses what the master wrote since";
        }
        return "";
    }

    private static Facts best(Inputs in, List<Facts> fit, Progress progress) {
        Facts best = fit.get(0);
        for (Facts other : fit.subList(1, fit.size())) {
            int compared = progress.compare(other, best);
            if (compared > 0 || compared == 0 && tieBreak(in, other) > tieBreak(in, best)) {
                best = other;
            }
        }
        return best;
    }

    /** Why {@code loser} was not chosen: less advanced, or as advanced and second in the tie-break. */
    private static String lessAdvanced(Inputs in, Progress progress, Facts loser, Facts best) {
        String positions = "has " + progress.describe(loser) + ", " + best.node() + " has " + progress.describe(best);
        if (progress.compare(loser, best) < 0) {
            return positions;
        }
        String why = tieBreak(in, best) > tieBreak(in, loser)
                ? (in.prefer().contains(best.node()) && !in.prefer().contains(loser.node())
                        ? "it is preferred (failover.preferPromote)" : "its applier was running")
                : "it comes first in the candidates' order";
        return positions + ": as advanced; " + best.node() + " won the tie because " + why;
    }

    /** Among equals: preferred first, then a node whose applier was running (an operator stopped the other). */
    private static int tieBreak(Inputs in, Facts facts) {
        return (in.prefer().contains(facts.node()) ? 2 : 0) + (facts.status().applierRunning() ? 1 : 0);
    }

    /** The failed master's {@code server_uuid}, as the candidates' replica status names it (MySQL). */
    private static String uuid(List<Facts> facts) {
        return facts.stream().filter(f -> f.status() != null && !f.status().sourceUuid().isEmpty())
                .map(f -> f.status().sourceUuid()).findFirst().orElse("");
    }
}
