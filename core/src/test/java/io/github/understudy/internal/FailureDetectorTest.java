package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.internal.FailureDetector.Reply;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The diagnosis of a master that cannot be used. */
class FailureDetectorTest {

    private static final HostAndPort M = HostAndPort.parse("db1:3306");
    private static final HostAndPort R2 = HostAndPort.parse("db2:3306");
    private static final HostAndPort R3 = HostAndPort.parse("db3:3306");

    @Test
    void deadWhenTheMasterDoesNotAnswerAndNoReplicaIsConnectedToIt() {
        FailureDetector.Finding finding = FailureDetector.diagnose(M, 1, false,
                List.of(reply(R2, ReplicaStatus.Receiver.CONNECTING, 1), reply(R3, ReplicaStatus.Receiver.STOPPED, 1)));

        assertThat(finding.diagnosis()).isEqualTo(Diagnosis.DEAD_MASTER);
        assertThat(finding.reachableReplicas()).containsExactly(R2, R3);
    }

    @Test
    void unreachableWhileAReplicaStillReplicatesFromIt() {
        FailureDetector.Finding finding = FailureDetector.diagnose(M, 1, false,
                List.of(reply(R2, ReplicaStatus.Receiver.RUNNING, 1), reply(R3, ReplicaStatus.Receiver.CONNECTING, 1)));

        assertThat(finding.diagnosis()).isEqualTo(Diagnosis.UNREACHABLE_MASTER);
        assertThat(finding.detail()).contains("still replicating from db1:3306: db2:3306");
    }

    @Test
    void deadWhenTheReplicasStillShowConnectedButHaveHeardNothingForTwoHeartbeats() {
        // A hung master keeps its replicas' connections open until their slave_net_timeout.
        SourceSilence silent = new SourceSilence(Duration.ofMillis(700), Duration.ofMillis(250));
        FailureDetector.Finding finding = FailureDetector.diagnose(M, 1, false,
                List.of(reply(R2, ReplicaStatus.Receiver.RUNNING, 1, silent),
                        reply(R3, ReplicaStatus.Receiver.CONNECTING, 1, null)));

        assertThat(finding.diagnosis()).isEqualTo(Diagnosis.DEAD_MASTER);
        assertThat(finding.detail()).contains("db2:3306 IO thread Yes, heard nothing from its source for 0.7 s "
                + "(heartbeat every 0.25 s)");
    }

    @Test
    void unreachableWhileOneReplicaHeardFromItLately() {
        // Only the application's path to the master is cut: its replicas hear it, one of them recently enough.
        FailureDetector.Finding finding = FailureDetector.diagnose(M, 1, false,
                List.of(reply(R2, ReplicaStatus.Receiver.RUNNING, 1,
                                new SourceSilence(Duration.ofMillis(700), Duration.ofMillis(250))),
                        reply(R3, ReplicaStatus.Receiver.RUNNING, 1,
                                new SourceSilence(Duration.ofMillis(400), Duration.ofMillis(250)))));

        assertThat(finding.diagnosis()).isEqualTo(Diagnosis.UNREACHABLE_MASTER);
        assertThat(finding.detail()).contains("still replicating from db1:3306: db3:3306 (");
        assertThat(finding.recheckIn()).as("when db3's silence passes 0.5 s, if nothing arrives meanwhile")
                .isEqualTo(Duration.ofMillis(110));
    }

    @Test
    void noEarlyRecheckWhileAReplicaSeesTheMasterWithoutHeartbeatsToJudgeBy() {
        FailureDetector.Finding finding = FailureDetector.diagnose(M, 1, false,
                List.of(reply(R2, ReplicaStatus.Receiver.RUNNING, 1,
                                new SourceSilence(Duration.ofMillis(400), Duration.ofMillis(250))),
                        reply(R3, ReplicaStatus.Receiver.RUNNING, 1, null)));

        assertThat(finding.diagnosis()).isEqualTo(Diagnosis.UNREACHABLE_MASTER);
        assertThat(finding.recheckIn()).isNull();
    }

    @Test
    void aLongSilenceWithoutHeartbeatsProvesNothing() {
        assertThat(FailureDetector.diagnose(M, 1, false, List.of(reply(R2, ReplicaStatus.Receiver.RUNNING, 1,
                new SourceSilence(Duration.ofMinutes(5), Duration.ZERO)))).diagnosis())
                .isEqualTo(Diagnosis.UNREACHABLE_MASTER);
    }

    @Test
    void aReplicaConnectedToAnotherSourceIsNoEvidenceOfLife() {
        assertThat(FailureDetector.diagnose(M, 1, false, List.of(reply(R2, ReplicaStatus.Receiver.RUNNING, 7)))
                .diagnosis()).isEqualTo(Diagnosis.DEAD_MASTER);
    }

    @Test
    void aMasterWhoseProbesAnswerIsNeverDeadWhateverItsReplicasSay() {
        // Issue 21: commits timing out (semi-sync with no replica) made the master SUSPECT while its probes
        // answered, and no replica replicated from it.
        FailureDetector.Finding finding = FailureDetector.diagnose(M, 1, true,
                List.of(reply(R2, ReplicaStatus.Receiver.CONNECTING, 1), new Reply(R3, Optional.empty(), null, "")));

        assertThat(finding.diagnosis()).isEqualTo(Diagnosis.HEALTHY);
        assertThat(finding.detail()).contains("the master answers its probes");
    }

    @Test
    void nothingReachableWhenNoReplicaAnswers() {
        assertThat(FailureDetector.diagnose(M, 1, false, List.of(new Reply(R2, null, null, "refused"))).diagnosis())
                .isEqualTo(Diagnosis.NOTHING_REACHABLE);
    }

    private static Reply reply(HostAndPort node, ReplicaStatus.Receiver receiver, long source) {
        return reply(node, receiver, source, null);
    }

    private static Reply reply(HostAndPort node, ReplicaStatus.Receiver receiver, long source,
                               SourceSilence silence) {
        return new Reply(node, Optional.of(new ReplicaStatus("db" + source, 3306, source, "", receiver, "", true, "",
                null, true, "", null, null, Duration.ZERO, null, null)), silence, "");
    }
}
