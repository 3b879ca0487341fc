package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.RejectedCandidate.Reason;
import io.github.understudy.ReplicationMode;
import io.github.understudy.internal.CandidateChoice.Facts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which replica a failover promotes; every rule is asserted from both sides. */
class CandidateChoiceTest {

    private static final HostAndPort N1 = HostAndPort.parse("db1:3306");
    private static final HostAndPort N2 = HostAndPort.parse("db2:3306");
    private static final HostAndPort N3 = HostAndPort.parse("db3:3306");
    private static final Instant FAILED = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration SLACK = Duration.ofMillis(1500);
    private static final String M = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

    private final Map<HostAndPort, NodeStatus.Replication> before = new HashMap<>();
    private Set<HostAndPort> never = Set.of();
    private Set<HostAndPort> prefer = Set.of();

    @Test
    void promotesTheMostAdvanced() {
        PromotionOutcome outcome = mariadb("0-1-100", fit(N2, "0-1-98"), fit(N3, "0-1-100"));

        assertThat(outcome.promoted()).contains(N3);
        assertThat(outcome.rejected()).extracting(RejectedCandidate::reason).containsExactly(Reason.LESS_ADVANCED);
    }

    @Test
    void aReplicaThatLostTheMasterLongBeforeItFailedIsNeverPromotedOverOneThatHasEverything() {
        // Issue 21, round 4: n2's receiver had failed for minutes; it has its own old writes, far behind.
        Facts stale = fit(N2, "0-2-3506");
        before.put(N2, replication(1, false, FAILED.minusSeconds(300), true));
        PromotionOutcome outcome = mariadb("0-1-200000", stale, fit(N3, "0-1-200000"));

        assertThat(outcome.promoted()).contains(N3);
        assertThat(outcome.rejected()).singleElement().satisfies(r -> {
            assertThat(r.node()).isEqualTo(N2);
            assertThat(r.reason()).isEqualTo(Reason.NOT_REPLICATING_FROM_MASTER);
            assertThat(r.detail()).contains("had lost db1:3306");
        });
    }

    @Test
    void withOnlyAStaleCandidateNothingIsPromoted() {
        before.put(N2, replication(1, false, FAILED.minusSeconds(300), true));

        PromotionOutcome outcome = mariadb("0-1-200000", fit(N2, "0-2-3506"));

        assertThat(outcome.promoted()).isEmpty();
        assertThat(outcome.rejected()).extracting(RejectedCandidate::reason)
                .containsExactly(Reason.NOT_REPLICATING_FROM_MASTER);
    }

    @Test
    void aReceiverThatLostTheMasterJustBeforeTheProbeDidStillCounts() {
        before.put(N2, replication(1, false, FAILED.minus(SLACK).plusMillis(1), true));

        assertThat(mariadb("0-1-100", fit(N2, "0-1-100")).promoted()).contains(N2);
    }

    @Test
    void aReplicaOfAnotherSourceIsNotACandidate() {
        before.put(N3, replication(2, true, null, true));

        PromotionOutcome outcome = mariadb("0-1-100", fit(N2, "0-1-90"), fit(N3, "0-1-100"));

        assertThat(outcome.promoted()).contains(N2);
        assertThat(outcome.rejected()).extracting(RejectedCandidate::reason)
                .containsExactly(Reason.NOT_REPLICATING_FROM_MASTER);
    }

    @Test
    void errantTransactionsAndReplicationErrorsRejectAndAreDivergent() {
        Facts errant = fit(N2, "0-2-101");
        Facts broken = new Facts(N3, "", status(1, "", false, "Duplicate entry"), "0-1-100", true);

        PromotionOutcome outcome = mariadb("0-1-100", errant, broken);

        assertThat(outcome.promoted()).isEmpty();
        assertThat(outcome.rejected()).extracting(RejectedCandidate::reason)
                .containsExactly(Reason.ERRANT_TRANSACTIONS, Reason.REPLICATION_ERROR);
        assertThat(outcome.rejected()).allMatch(r -> r.reason().divergent());
    }

    @Test
    void aCandidateWithUnappliedRelayLogIsRejectedAndWhatItHoldsMustNotBeLost() {
        Facts behind = new Facts(N2, "", status(1, "0-1-105", true, ""), "0-1-100", true);

        PromotionOutcome lose = mariadb("0-1-100", behind, fit(N3, "0-1-103"));
        PromotionOutcome keep = mariadb("0-1-100", behind, fit(N3, "0-1-105"));

        assertThat(lose.promoted()).as("n3 lacks 0-1-104..105 that n2 received").isEmpty();
        assertThat(lose.detail()).contains("lacks transactions of db1:3306 that db2:3306 has");
        assertThat(keep.promoted()).contains(N3);
        assertThat(keep.rejected()).extracting(RejectedCandidate::reason)
                .containsExactly(Reason.RELAY_LOG_NOT_APPLIED);
    }

    @Test
    void neverPromoteHoldsButIsNotPromoted() {
        never = Set.of(N3);

        assertThat(mariadb("0-1-100", fit(N2, "0-1-100"), fit(N3, "0-1-100")).promoted()).contains(N2);
        assertThat(mariadb("0-1-100", fit(N2, "0-1-99"), fit(N3, "0-1-100")).promoted())
                .as("n2 would lose what n3 has").isEmpty();
    }

    @Test
    void amongEqualsThePreferredThenTheRunningApplierWins() {
        Facts stopped = new Facts(N2, "", status(1, "0-1-100", false, ""), "0-1-100", true);

        PromotionOutcome running = mariadb("0-1-100", stopped, fit(N3, "0-1-100"));
        assertThat(running.promoted()).contains(N3);
        assertThat(running.rejected().get(0).detail()).endsWith(": as advanced; " + N3
                + " won the tie because its applier was running");
        prefer = Set.of(N2);
        PromotionOutcome preferred = mariadb("0-1-100", stopped, fit(N3, "0-1-100"));
        assertThat(preferred.promoted()).contains(N2);
        assertThat(preferred.rejected().get(0).detail()).endsWith(N2 + " won the tie because it is preferred "
                + "(failover.preferPromote)");
        prefer = Set.of();
        assertThat(mariadb("0-1-100", fit(N2, "0-1-100"), fit(N3, "0-1-100")).rejected().get(0).detail())
                .endsWith(N2 + " won the tie because it comes first in the candidates' order");
        assertThat(mariadb("0-1-100", fit(N2, "0-1-99"), fit(N3, "0-1-100")).rejected().get(0).detail())
                .doesNotContain("tie");
    }

    @Test
    void mysqlComparesGtidSets() {
        Facts small = new Facts(N2, "", mysqlStatus(M + ":1-5"), M + ":1-5", true);
        Facts large = new Facts(N3, "", mysqlStatus(M + ":1-7"), M + ":1-7", true);

        PromotionOutcome outcome = choose(false, M + ":1-5", small, large);

        assertThat(outcome.promoted()).contains(N3);
        assertThat(outcome.rejected().get(0).detail()).contains(M + ":1-5");
    }

    @Test
    void mysqlWithoutGtidsComparesTheFailedMastersCoordinates() {
        // Issue 12: with no GTIDs every candidate "had" the same empty set; the stopped one was promoted.
        Facts stopped = positioned(N2, "mysql-bin.000002:9000", "mysql-bin.000002:1200", false);
        Facts healthy = positioned(N3, "mysql-bin.000002:9000", "mysql-bin.000002:9000", true);

        PromotionOutcome outcome = choose(false, "", stopped, healthy);

        assertThat(outcome.promoted()).contains(N3);
        assertThat(outcome.appliedCoordinates()).isEqualTo("mysql-bin.000002:9000");
        assertThat(outcome.rejected()).extracting(RejectedCandidate::reason)
                .containsExactly(Reason.RELAY_LOG_NOT_APPLIED);
    }

    @Test
    void mysqlWithoutGtidsNeverLosesWhatAnotherCandidateReceived() {
        Facts lostLast = positioned(N2, "mysql-bin.000002:8000", "mysql-bin.000002:8000", true);
        Facts applierStopped = positioned(N3, "mysql-bin.000003:120", "mysql-bin.000002:7000", false);

        PromotionOutcome outcome = choose(false, "", lostLast, applierStopped);

        assertThat(outcome.promoted()).as("n2 lacks what n3 received").isEmpty();
        assertThat(outcome.detail()).contains("db3:3306");
        assertThat(choose(false, "", positioned(N2, "mysql-bin.000003:120", "mysql-bin.000003:120", true),
                applierStopped).promoted()).contains(N2);
    }

    @Test
    void mixedGtidModesAreRefusedNotGuessed() {
        Facts off = positioned(N2, "mysql-bin.000002:9000", "mysql-bin.000002:9000", true);
        Facts on = new Facts(N3, "", mysqlStatus(M + ":1-5"), M + ":1-5", true);

        PromotionOutcome outcome = choose(false, M + ":1-5", off, on);

        assertThat(outcome.promoted()).isEmpty();
        assertThat(outcome.detail()).contains("mix gtid_mode ON and OFF");
    }

    @Test
    void aCandidateThatCouldNotBeCheckedOrIsNoReplicaIsRejected() {
        PromotionOutcome outcome = mariadb("0-1-100", Facts.failed(N2, "timeout"),
                new Facts(N3, "", null, "0-1-100", true));

        assertThat(outcome.promoted()).isEmpty();
        assertThat(outcome.rejected()).extracting(RejectedCandidate::reason)
                .containsExactly(Reason.CHECK_FAILED, Reason.NOT_A_REPLICA);
    }

    private Facts fit(HostAndPort node, String executed) {
        return new Facts(node, "", status(1, executed, true, ""), executed, true);
    }

    private PromotionOutcome mariadb(String masterKnown, Facts... facts) {
        return choose(true, masterKnown, facts);
    }

    private PromotionOutcome choose(boolean mariadb, String masterKnown, Facts... facts) {
        for (Facts f : facts) {
            before.putIfAbsent(f.node(), replication(1, true, null, true));
        }
        return CandidateChoice.choose(new CandidateChoice.Inputs(new CandidateChoice.Master(N1, 1, masterKnown,
                FAILED), mariadb, List.of(facts), before, SLACK, never, prefer));
    }

    private static NodeStatus.Replication replication(long source, boolean receiving, Instant lostAt,
                                                      boolean applying) {
        return new NodeStatus.Replication("db" + source + ":3306", source, ReplicationMode.GTID, receiving, lostAt,
                applying, "", "");
    }

    static ReplicaStatus status(long source, String received, boolean applying, String applierError) {
        return new ReplicaStatus("db" + source, 3306, source, "", ReplicaStatus.Receiver.STOPPED, "", applying,
                applierError, null, true, received, null, null, Duration.ZERO, null, null);
    }

    private static Facts positioned(HostAndPort node, String received, String applied, boolean applying) {
        return new Facts(node, "", new ReplicaStatus("db1", 3306, 1, M, ReplicaStatus.Receiver.STOPPED, "", applying,
                "", null, false, "", BinlogPosition.parse(received), BinlogPosition.parse(applied), Duration.ZERO, null,
                null),
                "", false);
    }

    private static ReplicaStatus mysqlStatus(String received) {
        return new ReplicaStatus("db1", 3306, 1, M, ReplicaStatus.Receiver.STOPPED, "", true, "", null, true,
                received, null, null, Duration.ZERO, null, null);
    }
}
