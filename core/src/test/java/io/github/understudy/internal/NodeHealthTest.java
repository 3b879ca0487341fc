package io.github.understudy.internal;

import static io.github.understudy.NodeState.DOWN;
import static io.github.understudy.NodeState.LAGGING;
import static io.github.understudy.NodeState.SUSPECT;
import static io.github.understudy.NodeState.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeHealthTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final HostAndPort NODE = HostAndPort.parse("db2:3306");
    private static final ProbeResult GOOD = ProbeResult.replica(Duration.ofSeconds(1), 2, "uuid:1-10", 1_000);
    private static final ProbeResult BEHIND = ProbeResult.replica(Duration.ofSeconds(31), 2, "uuid:1-5", 1_000);
    private static final ProbeResult REFUSED = ProbeResult.failed("refused");

    private final MutableClock clock = new MutableClock(T0);

    private NodeHealth health(int failuresToEvict, int successesToReadmit) {
        HealthPolicy policy = new HealthPolicy(failuresToEvict, successesToReadmit, Duration.ofSeconds(5));
        return new NodeHealth(NODE, policy, clock);
    }

    /** A node that has been admitted, with the clock moved on so that later changes get later timestamps. */
    private NodeHealth upNode(int failuresToEvict, int successesToReadmit) {
        NodeHealth health = health(failuresToEvict, successesToReadmit);
        health.onProbe(GOOD);
        clock.advance(Duration.ofSeconds(1));
        return health;
    }

    private static void assertMove(Optional<Transition> transition, NodeState from, NodeState to) {
        assertThat(transition).hasValueSatisfying(t -> {
            assertThat(t.from()).isEqualTo(from);
            assertThat(t.to()).isEqualTo(to);
        });
    }

    @Test
    void startsDownUntilProbed() {
        NodeStatus status = health(2, 2).status();

        assertThat(status.state()).isEqualTo(DOWN);
        assertThat(status.role()).isEqualTo(Role.UNKNOWN);
        assertThat(status.reason()).isEqualTo("not probed yet");
        assertThat(status.since()).isEqualTo(T0);
    }

    @Test
    void theFirstGoodProbeAdmitsAtOnceAndRecordsWhatItSaw() {
        NodeHealth health = health(2, 2);
        clock.advance(Duration.ofMillis(500));

        assertMove(health.onProbe(GOOD), DOWN, UP);
        NodeStatus status = health.status();
        assertThat(status.role()).isEqualTo(Role.REPLICA);
        assertThat(status.lag()).isEqualTo(Duration.ofSeconds(1));
        assertThat(status.serverId()).isEqualTo(2);
        assertThat(status.gtidPosition()).isEqualTo("uuid:1-10");
        assertThat(status.reason()).isEmpty();
        assertThat(status.since()).isEqualTo(T0.plusMillis(500));
    }

    @Test
    void aFailedFirstProbeKeepsTheNodeDownWithTheReason() {
        NodeHealth health = health(2, 2);

        assertThat(health.onProbe(REFUSED)).isEmpty();
        assertThat(health.status().reason()).isEqualTo("refused");
        assertThat(health.status().since()).isEqualTo(T0);
    }

    @Test
    void oneFailureMakesSuspectAndFailuresToEvictInTotalMakeDown() {
        NodeHealth health = upNode(2, 2);
        Instant suspectAt = clock.instant();

        assertMove(health.onProbe(REFUSED), UP, SUSPECT);
        assertThat(health.status().since()).isEqualTo(suspectAt);
        clock.advance(Duration.ofMillis(500));
        assertMove(health.onProbe(ProbeResult.failed("timeout after 1s")), SUSPECT, DOWN);
        assertThat(health.status().reason()).isEqualTo("timeout after 1s");
        assertThat(health.status().since()).isEqualTo(suspectAt.plusMillis(500));
    }

    @Test
    void withFailuresToEvictOneAFailedProbeEvictsAtOnce() {
        assertMove(upNode(1, 2).onProbe(REFUSED), UP, DOWN);
    }

    @Test
    void staysSuspectUntilFailuresToEvictIsReached() {
        NodeHealth health = upNode(3, 2);
        health.onProbe(REFUSED);
        Instant since = health.status().since();
        clock.advance(Duration.ofSeconds(1));

        assertThat(health.onProbe(ProbeResult.failed("timeout after 1s"))).isEmpty();
        assertThat(health.status().state()).isEqualTo(SUSPECT);
        assertThat(health.status().reason()).isEqualTo("timeout after 1s");
        assertThat(health.status().since()).isEqualTo(since);
        assertMove(health.onProbe(REFUSED), SUSPECT, DOWN);
    }

    @Test
    void aGoodProbeBringsASuspectBackAtOnceAndResetsTheFailureCount() {
        NodeHealth health = upNode(2, 3);
        health.onProbe(REFUSED);

        assertMove(health.onProbe(GOOD), SUSPECT, UP);
        assertThat(health.status().reason()).isEmpty();
        assertMove(health.onProbe(REFUSED), UP, SUSPECT);
    }

    @Test
    void aDownNodeNeedsSuccessesToReadmitConsecutiveGoodProbes() {
        NodeHealth health = upNode(1, 3);
        health.onProbe(REFUSED);

        assertThat(health.onProbe(GOOD)).isEmpty();
        assertThat(health.onProbe(GOOD)).isEmpty();
        assertThat(health.onProbe(REFUSED)).isEmpty();
        assertThat(health.onProbe(GOOD)).isEmpty();
        assertThat(health.onProbe(GOOD)).isEmpty();
        assertThat(health.status().state()).isEqualTo(DOWN);
        assertMove(health.onProbe(GOOD), DOWN, UP);
    }

    @Test
    void aDownNodeKeepsItsLastObservationsAndRefreshesThemWhenItAnswers() {
        NodeHealth health = upNode(1, 2);
        health.onProbe(REFUSED);
        assertThat(health.status().gtidPosition()).isEqualTo("uuid:1-10");

        health.onProbe(ProbeResult.replica(Duration.ZERO, 2, "uuid:1-12", 900));

        assertThat(health.status().state()).isEqualTo(DOWN);
        assertThat(health.status().gtidPosition()).isEqualTo("uuid:1-12");
    }

    @Test
    void aReplicaBehindMaxLagIsLaggingAtOnce() {
        NodeHealth health = upNode(2, 2);

        Optional<Transition> transition = health.onProbe(BEHIND);

        assertMove(transition, UP, LAGGING);
        assertThat(health.status().reason()).isEqualTo("lag 31s > max-lag 5s");
        assertThat(health.status().lag()).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void lagEqualToMaxLagIsFine() {
        assertThat(upNode(2, 2).onProbe(ProbeResult.replica(Duration.ofSeconds(5), 2, "", 1))).isEmpty();
    }

    @Test
    void brokenReplicationOrUnknownLagIsLagging() {
        NodeHealth broken = upNode(2, 2);
        NodeHealth unknown = upNode(2, 2);

        assertMove(broken.onProbe(ProbeResult.replicationBroken("SQL thread stopped: error 1062", null, 2, "", 1)),
                UP, LAGGING);
        assertMove(unknown.onProbe(ProbeResult.replica(null, 2, "", 1)), UP, LAGGING);
        assertThat(broken.status().reason()).isEqualTo("SQL thread stopped: error 1062");
        assertThat(unknown.status().reason()).isEqualTo("lag unknown");
    }

    @Test
    void aLaggingReplicaComesBackAfterSuccessesToReadmitConsecutiveGoodProbes() {
        NodeHealth health = upNode(2, 2);
        health.onProbe(BEHIND);

        assertThat(health.onProbe(GOOD)).isEmpty();
        assertThat(health.onProbe(BEHIND)).isEmpty();
        assertThat(health.onProbe(GOOD)).isEmpty();
        assertThat(health.status().lag()).isEqualTo(Duration.ofSeconds(1));
        assertMove(health.onProbe(GOOD), LAGGING, UP);
    }

    @Test
    void failuresWhileLaggingCountTowardDownButKeepItLagging() {
        NodeHealth health = upNode(2, 2);
        health.onProbe(BEHIND);

        assertThat(health.onProbe(REFUSED)).isEmpty();
        assertThat(health.status().state()).isEqualTo(LAGGING);
        assertThat(health.status().reason()).isEqualTo("refused");
        assertMove(health.onProbe(REFUSED), LAGGING, DOWN);
    }

    @Test
    void suspectAndDownReplicasThatAnswerBehindAreLagging() {
        NodeHealth suspect = upNode(2, 2);
        suspect.onProbe(REFUSED);
        NodeHealth down = upNode(1, 2);
        down.onProbe(REFUSED);

        assertMove(suspect.onProbe(BEHIND), SUSPECT, LAGGING);
        assertMove(down.onProbe(BEHIND), DOWN, LAGGING);
    }

    @Test
    void aMasterIsNeverLagging() {
        NodeHealth health = health(2, 2);

        assertMove(health.onProbe(ProbeResult.master(1, "uuid:1-10", 800)), DOWN, UP);
        assertThat(health.status().role()).isEqualTo(Role.MASTER);
        assertThat(health.status().lag()).isNull();
    }

    @Test
    void aLaggingReplicaThatBecameMasterIsUpAtOnce() {
        NodeHealth health = upNode(2, 3);
        health.onProbe(BEHIND);

        assertMove(health.onProbe(ProbeResult.master(2, "uuid:1-10", 800)), LAGGING, UP);
    }

    @Test
    void aRequestFailureMakesAServingNodeSuspectAtOnceButDoesNotEvictIt() {
        NodeHealth health = upNode(2, 2);

        assertMove(health.onRequestFailure("Communications link failure"), UP, SUSPECT);
        assertThat(health.onRequestFailure("Communications link failure")).isEmpty();
        assertThat(health.onRequestFailure("Communications link failure")).isEmpty();
        assertThat(health.status().state()).isEqualTo(SUSPECT);
        assertThat(health.status().reason()).isEqualTo("Communications link failure");
    }

    @Test
    void aProbeConfirmsOrClearsARequestFailure() {
        NodeHealth confirmed = upNode(2, 2);
        NodeHealth cleared = upNode(2, 2);
        confirmed.onRequestFailure("Communications link failure");
        cleared.onRequestFailure("Communications link failure");

        assertMove(confirmed.onProbe(REFUSED), SUSPECT, DOWN);
        assertMove(cleared.onProbe(GOOD), SUSPECT, UP);
    }

    @Test
    void requestFailuresOnNodesOutOfRotationAreIgnored() {
        NodeHealth lagging = upNode(2, 2);
        lagging.onProbe(BEHIND);

        assertThat(lagging.onRequestFailure("broken pipe")).isEmpty();
        assertThat(health(2, 2).onRequestFailure("broken pipe")).isEmpty();
        assertThat(lagging.status().reason()).isEqualTo("lag 31s > max-lag 5s");
    }

    @Test
    void anEvictedNodeStaysDownWhateverTheProbesSay() {
        NodeHealth health = upNode(2, 2);

        assertMove(health.evict("maintenance"), UP, DOWN);
        for (int i = 0; i < 5; i++) {
            assertThat(health.onProbe(GOOD)).isEmpty();
            assertThat(health.onProbe(REFUSED)).isEmpty();
        }
        assertThat(health.onRequestFailure("broken pipe")).isEmpty();
        assertThat(health.status().state()).isEqualTo(DOWN);
        assertThat(health.status().reason()).isEqualTo("evicted: maintenance");
    }

    @Test
    void readmitLetsAGoodNextProbeBringTheNodeUpWithoutWaiting() {
        NodeHealth health = upNode(2, 5);
        health.evict("maintenance");

        assertThat(health.readmit()).isEmpty();
        assertThat(health.status().state()).isEqualTo(DOWN);
        assertThat(health.status().reason()).isEqualTo("readmitted, waiting for a good probe");
        assertMove(health.onProbe(GOOD), DOWN, UP);
    }

    @Test
    void afterReadmitAFailedProbeBringsBackTheUsualCount() {
        NodeHealth health = upNode(2, 2);
        health.evict("maintenance");
        health.readmit();

        assertThat(health.onProbe(REFUSED)).isEmpty();
        assertThat(health.onProbe(GOOD)).isEmpty();
        assertMove(health.onProbe(GOOD), DOWN, UP);
    }

    @Test
    void aNodeWhoseFirstProbeFailedMustEarnItsAdmission() {
        NodeHealth health = health(2, 2);
        health.onProbe(REFUSED);

        assertThat(health.onProbe(GOOD)).isEmpty();
        assertMove(health.onProbe(GOOD), DOWN, UP);
    }

    @Test
    void readmitWithoutEvictionChangesNothing() {
        NodeHealth health = upNode(2, 2);
        NodeStatus before = health.status();

        assertThat(health.readmit()).isEmpty();
        assertThat(health.status()).isEqualTo(before);
    }

    @Test
    void evictingADownNodeKeepsItsSinceAndTakesTheOperatorsReason() {
        NodeHealth health = health(2, 2);
        clock.advance(Duration.ofSeconds(3));

        assertThat(health.evict("disk full")).isEmpty();
        assertThat(health.status().reason()).isEqualTo("evicted: disk full");
        assertThat(health.status().since()).isEqualTo(T0);
    }

    @Test
    void sinceChangesOnlyWithTheState() {
        NodeHealth health = upNode(2, 2);
        Instant upSince = health.status().since();
        clock.advance(Duration.ofSeconds(10));

        health.onProbe(GOOD);

        assertThat(health.status().since()).isEqualTo(upSince);
    }

    @Test
    void transitionsCarryBothStatuses() {
        NodeHealth health = upNode(2, 2);
        NodeStatus before = health.status();

        Transition transition = health.onProbe(REFUSED).orElseThrow();

        assertThat(transition.previous()).isEqualTo(before);
        assertThat(transition.current()).isEqualTo(health.status());
        assertThat(transition.maxLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(transition).hasToString("db2:3306 UP -> SUSPECT (refused)");
    }
}
