package io.github.understudy.internal;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names why the master cannot be used. Asks the replicas afresh ({@link #ask}: a probe now, on each replica's own
 * probe session, so a diagnosis opens no connection — a fleet of instances diagnosing at once adds no connection
 * storm), then decides ({@link #diagnose}, pure): the master is dead only when its own probes fail and no reachable
 * replica hears it any more — its receiver is not connected to it, or has heard neither event nor heartbeat from it
 * for longer than the heartbeat period promises ({@link SourceSilence}: a hung master keeps the connections open);
 * while one does, the problem is between the application and the master.
 */
final class FailureDetector {

    /**
     * A diagnosis, the replicas that answered, and what they said.
     *
     * @param recheckIn for an unreachable master that only the replicas' recent silence keeps alive: when that
     *                  silence will have lasted long enough to prove it gone; null otherwise
     */
    record Finding(Diagnosis diagnosis, List<HostAndPort> reachableReplicas, String detail, Duration recheckIn) {
        Finding(Diagnosis diagnosis, List<HostAndPort> reachableReplicas, String detail) {
            this(diagnosis, reachableReplicas, detail, null);
        }
    }

    /** Past a silence's limit, so that the next diagnosis finds it passed. */
    private static final Duration PAST = Duration.ofMillis(10);

    /**
     * What one replica said.
     *
     * @param node    the replica
     * @param status  its replica status, empty when it replicates from no one; null when it did not answer
     * @param silence how long its receiver has heard nothing from its source, null when unknown
     * @param failure why it did not answer, {@code ""} when it did
     */
    record Reply(HostAndPort node, Optional<ReplicaStatus> status, SourceSilence silence, String failure) {
    }

    private final HealthMonitor monitor;

    FailureDetector(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    /** Probes every replica of the snapshot (not the master) now, and reads its replica status. */
    List<Reply> ask(HostAndPort master, TopologySnapshot snapshot) {
        List<Reply> replies = new ArrayList<>();
        for (NodeStatus status : snapshot.nodes()) {
            if (status.address().equals(master) || status.role() != Role.REPLICA) {
                continue;
            }
            Node node = monitor.nodes().stream().filter(n -> n.address().equals(status.address())).findFirst()
                    .orElseThrow();
            monitor.probeNow(node, true);
            ServerState state = node.probe().last();
            replies.add(node.probe().answering() && state != null
                    ? new Reply(node.address(), state.replica(), state.silence(), "")
                    : new Reply(node.address(), null, null, node.health().status().reason()));
        }
        return replies;
    }

    /**
     * @param masterServerId the master's server_id, 0 when unknown (any source counts then)
     * @param masterAnswers  whether the master's last probe answered: then requests failed for another reason
     *                       (commits waiting for semi-sync, long transactions), and the master is not dead
     */
    static Finding diagnose(HostAndPort master, long masterServerId, boolean masterAnswers, List<Reply> replies) {
        Hearing hearing = new Hearing(masterServerId);
        replies.forEach(hearing::add);
        List<HostAndPort> reachable = hearing.reachable;
        String detail = String.join("; ", hearing.notes);
        if (masterAnswers) {
            return new Finding(Diagnosis.HEALTHY, reachable, "the master answers its probes: requests to it failed "
                    + "for another reason (" + (detail.isEmpty() ? "no replica" : detail) + ")");
        }
        if (reachable.isEmpty()) {
            return new Finding(Diagnosis.NOTHING_REACHABLE, reachable, detail.isEmpty() ? "no replica" : detail);
        }
        if (!hearing.seeing.isEmpty()) {
            return new Finding(Diagnosis.UNREACHABLE_MASTER, reachable, "still replicating from " + master + ": "
                    + String.join(", ", hearing.seeing) + " (" + detail + ")", hearing.recheckIn());
        }
        return new Finding(Diagnosis.DEAD_MASTER, reachable, detail);
    }

    /** What the replies say about the master, gathered one reply at a time. */
    private static final class Hearing {
        private final long masterServerId;
        private final List<HostAndPort> reachable = new ArrayList<>();
        private final List<String> seeing = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Duration untilSilent = Duration.ZERO;
        private boolean onlySilence = true;

        Hearing(long masterServerId) {
            this.masterServerId = masterServerId;
        }

        void add(Reply reply) {
            if (!reply.failure().isEmpty()) {
                notes.add(reply.node() + " unreachable (" + reply.failure() + ")");
                return;
            }
            reachable.add(reply.node());
            if (reply.status().isEmpty()) {
                notes.add(reply.node() + " replicates from no one");
                return;
            }
            ReplicaStatus status = reply.status().get();
            SourceSilence silence = reply.silence();
            notes.add(reply.node() + " " + status.describeReceiver() + (silence == null ? "" : ", "
                    + silence.describe()));
            if (status.connectedTo(masterServerId) && (silence == null || !silence.sourceLost())) {
                seeing.add(reply.node().toString());
                awaitSilence(silence);
            }
        }

        /** A replica that still hears the master: when its silence, if it lasts, proves the master gone. */
        private void awaitSilence(SourceSilence silence) {
            if (silence == null || silence.heartbeatPeriod().isZero()) {
                onlySilence = false;
                return;
            }
            Duration left = silence.limit().minus(silence.silent()).plus(PAST);
            untilSilent = left.compareTo(untilSilent) > 0 ? left : untilSilent;
        }

        /** {@return when to diagnose again: once every replica's silence proves it, null when none can} */
        Duration recheckIn() {
            return onlySilence ? untilSilent : null;
        }
    }
}
