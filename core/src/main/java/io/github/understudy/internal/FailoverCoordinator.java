package io.github.understudy.internal;

import io.github.understudy.Diagnosis;
import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.FailoverHeldBack;
import io.github.understudy.event.FailoverStarted;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the master of the highest epoch and, when it is confirmed dead, runs the promotion strategy under the
 * cluster lock, records the new epoch, routes writes to the new master and repoints the replicas. It also
 * resolves other writable nodes: it follows one of a higher epoch (another instance promoted it), and fences
 * the others. Runs on the monitor's scheduler, one tick at a time.
 */
public final class FailoverCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverCoordinator.class);

    private final String name;
    private final FailoverSettings settings;
    private final HealthMonitor monitor;
    private final ConnectionFactory connections;
    private final EventPublisher events;
    private final Clock clock;
    private final FailureDetector detector;
    private final Fencer fencer;
    private final Duration diagnoseEvery;
    private final ReplicaRepair repair;
    private final ReentrantLock busy = new ReentrantLock();
    private Instant lastFailover;
    private Instant lastDiagnosis = Instant.MIN;
    private Diagnosis episode = Diagnosis.HEALTHY;
    private String heldBack = "";

    public FailoverCoordinator(String name, String applicationUser, FailoverSettings settings, HealthMonitor monitor,
                               ConnectionFactory connections, EventPublisher events, Clock clock, Duration probeInterval) {
        this.name = name;
        this.settings = settings;
        this.monitor = monitor;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.detector = new FailureDetector(connections);
        this.fencer = new Fencer(name, applicationUser, settings, connections, monitor, events, clock);
        this.diagnoseEvery = probeInterval;
        this.repair = new ReplicaRepair(name, settings.repointCheck(), monitor, connections, events, clock);
    }

    /**
     * After discovery: follows the writable node of the highest epoch recorded in the cluster (with several
     * writable nodes, one must have a strictly higher epoch than the others; the others are fenced at the first
     * tick). Returns it, or null when there is none or no strict highest.
     */
    public HostAndPort start(List<HostAndPort> writable) {
        HostAndPort best = null;
        long bestEpoch = -1;
        boolean tie = false;
        for (HostAndPort node : writable) {
            long epoch = epochOf(node);
            if (epoch > bestEpoch) {
                best = node;
                bestEpoch = epoch;
                tie = false;
            } else if (epoch == bestEpoch) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return null;
        }
        monitor.follow(settings.strategy().changesServers() ? best : null, bestEpoch);
        return best;
    }

    private long epochOf(HostAndPort node) {
        try (Connection connection = connections.admin(node)) {
            return EpochStore.read(connection).number();
        } catch (SQLException e) {
            LOG.debug("{} - cannot read the epoch on {}: {}", name, node, e.getMessage());
            return 0;
        }
    }

    /** One look at the cluster; scheduled every fraction of the probe interval. */
    public void tick() {
        if (!busy.tryLock()) {
            return;
        }
        try {
            Dialect dialect = dialect();
            if (dialect != null) {
                resolveOtherWritable(dialect);
                watchMaster(dialect);
                if (settings.strategy().changesServers()) {
                    repair.run(dialect);
                }
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("{} - failover check failed: {}", name, e.getMessage(), e);
        } finally {
            busy.unlock();
        }
    }

    ReentrantLock busy() {
        return busy;
    }

    Dialect dialect() {
        return monitor.nodes().stream().map(node -> node.probe().dialect()).filter(d -> d != null).findFirst()
                .orElse(null);
    }

    private void watchMaster(Dialect dialect) throws SQLException {
        RoutingTable table = monitor.table();
        HostAndPort master = settings.strategy().changesServers() ? monitor.followed()
                : table.snapshot().master().map(NodeStatus::address).orElse(null);
        NodeStatus status = master == null ? null : table.snapshot().node(master).orElse(null);
        if (status == null || status.state() == NodeState.UP) {
            episode = Diagnosis.HEALTHY;
            heldBack = "";
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(status.since(), now).compareTo(settings.deadMasterAfter()) < 0
                || Duration.between(lastDiagnosis, now).compareTo(diagnoseEvery) < 0) {
            return;
        }
        lastDiagnosis = now;
        FailureDetector.Finding finding = detector.diagnose(master, status.serverId(), table.snapshot(), dialect);
        if (finding.diagnosis() != episode) {
            episode = finding.diagnosis();
            LOG.warn("{} - master {} {}: {}", name, master, finding.diagnosis(), finding.detail());
            events.publish(new MasterFailureDiagnosed(name, now, master, finding.diagnosis(), finding.detail()));
        }
        if (finding.diagnosis() == Diagnosis.DEAD_MASTER) {
            failover(status, finding, dialect, now);
        }
    }

    private void failover(NodeStatus master, FailureDetector.Finding finding, Dialect dialect, Instant diagnosedAt)
            throws SQLException {
        if (!settings.strategy().changesServers()) {
            holdBack(master.address(), settings.strategy() + " changes no server: waiting for a node to be made "
                    + "the writable master (failover.strategy)");
            return;
        }
        if (lastFailover != null && Duration.between(lastFailover, diagnosedAt).compareTo(settings.minInterval()) < 0) {
            holdBack(master.address(), "the last failover was at " + lastFailover + ", less than "
                    + settings.minInterval() + " ago (failover.minInterval)");
            return;
        }
        // Instances may see different replicas: each must lock a majority of all of them, so two can't both win.
        int replicas = monitor.nodes().size() - 1;
        int quorum = replicas / 2 + 1;
        if (finding.reachableReplicas().size() < quorum) {
            holdBack(master.address(), "only " + finding.reachableReplicas().size() + " of " + replicas
                    + " replicas answer; a promotion needs the failover lock on a majority (" + quorum + ")");
            return;
        }
        try (ClusterLock lock = ClusterLock.acquire(finding.reachableReplicas(), connections)) {
            if (lock == null) {
                holdBack(master.address(), "another application instance holds the failover lock");
                return;
            }
            finding.reachableReplicas().forEach(address -> monitor.probeNow(node(address)));
            if (!monitor.table().otherWritable().isEmpty()) {
                return; // promoted meanwhile by another instance: the next tick follows it
            }
            promote(master, finding, dialect, diagnosedAt);
        }
    }

    private void promote(NodeStatus master, FailureDetector.Finding finding, Dialect dialect, Instant diagnosedAt)
            throws SQLException {
        List<HostAndPort> candidates = finding.reachableReplicas();
        events.publish(new FailoverStarted(name, clock.instant(), master.address(), candidates,
                settings.strategy().toString()));
        FailoverContext context = new FailoverContext(name, monitor.table().snapshot(), master.address(), candidates,
                dialect, settings, connections);
        PromotionOutcome outcome;
        try {
            outcome = settings.strategy().promote(context);
        } catch (SQLException | RuntimeException e) {
            outcome = PromotionOutcome.nothing("the promotion strategy failed: " + e.getMessage(), List.of());
        }
        if (outcome.promoted().isEmpty()) {
            lastFailover = clock.instant();
            String reason = outcome.detail() + (outcome.rejected().isEmpty() ? "" : "; rejected: " + outcome.rejected());
            LOG.error("{} - failover of {} failed: {}", name, master.address(), reason);
            events.publish(new FailoverFailed(name, clock.instant(), master.address(), reason));
            return;
        }
        HostAndPort promoted = outcome.promoted().get();
        long epoch = monitor.epoch() + 1;
        ReplicationAddress address;
        boolean semiSync;
        try (Connection connection = connections.admin(promoted)) {
            epoch = Math.max(epoch, EpochStore.read(connection).number() + 1);
            // Semi-sync if the dead master used it (as last probed) and the promoted node can.
            semiSync = node(master.address()).probe().semiSyncMaster() && SemiSync.available(connection);
            EpochStore.write(connection, epoch, promoted, MostAdvancedReplica.executed(dialect, connection),
                    name + "@" + ProcessHandle.current().pid());
            address = ReplicationAddress.of(connection, promoted);
        }
        Repointed repointed = null;
        if (semiSync) {
            // Semi-sync: writes resume only once replicas can acknowledge them, or an acknowledged write could
            // exist on the new master alone.
            repointed = repoint(promoted, address, candidates, outcome.rejected(), dialect);
            try (Connection connection = connections.admin(promoted)) {
                SemiSync.enable(connection);
            }
        }
        Instant promotedAt = clock.instant();
        lastFailover = promotedAt;
        LOG.warn("{} - promoted {} (epoch {}) after {} {}; rejected: {}", name, promoted, epoch, master.address(),
                Diagnosis.DEAD_MASTER, outcome.rejected());
        // Announced before writes are routed there, so that anything seen on the new master follows the event.
        events.publish(new MasterPromoted(name, promotedAt, master.address(), promoted, epoch, outcome.rejected(),
                Duration.between(master.since(), diagnosedAt), Duration.between(diagnosedAt, promotedAt), false));
        follow(promoted, epoch);
        if (repointed == null) {
            repointed = repoint(promoted, address, candidates, outcome.rejected(), dialect); // writes go there already
        }
        LOG.warn("{} - repointed to {}: {}", name, promoted, repointed.results());
        events.publish(new ReplicasRepointed(name, clock.instant(), promoted, repointed.results(), repointed.took()));
    }

    private record Repointed(Map<HostAndPort, String> results, Duration took) {
    }

    private void follow(HostAndPort promoted, long epoch) {
        monitor.follow(promoted, epoch);
        monitor.probeNow(node(promoted));
    }

    private Repointed repoint(HostAndPort promoted, ReplicationAddress address, List<HostAndPort> candidates,
                              List<RejectedCandidate> rejected, Dialect dialect) {
        List<HostAndPort> divergent = rejected.stream().filter(r -> r.reason().startsWith("errant")
                || r.reason().startsWith("replication error")).map(RejectedCandidate::node).collect(Collectors.toList());
        List<HostAndPort> others = candidates.stream().filter(c -> !c.equals(promoted) && !divergent.contains(c))
                .collect(Collectors.toList());
        long started = System.nanoTime();
        Map<HostAndPort, String> results = Repointer.repoint(others, address, dialect, connections,
                settings.repointCheck());
        others.forEach(replica -> monitor.probeNow(node(replica)));
        return new Repointed(results, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Other writable nodes: follow one of a higher epoch (promoted elsewhere), fence the rest. Under the node's
     * failover lock: a promotion in flight holds it, so a node made writable a moment before its epoch is
     * recorded is never mistaken for a stray and fenced. Whether it is still writable is asked afresh: the last
     * probe may predate its fencing (by this instance or another).
     */
    private void resolveOtherWritable(Dialect dialect) throws SQLException {
        if (!settings.strategy().changesServers()) {
            return;
        }
        List<NodeStatus> others = monitor.table().otherWritable();
        for (NodeStatus other : others) {
            try (ClusterLock lock = ClusterLock.acquire(List.of(other.address()), connections)) {
                if (lock != null) {
                    resolve(other.address(), others.size(), dialect);
                }
            }
        }
    }

    private void resolve(HostAndPort other, int writableNodes, Dialect dialect) throws SQLException {
        long epoch;
        try (Connection connection = connections.admin(other)) {
            if (readOnly(connection)) {
                monitor.probeNow(node(other)); // fenced meanwhile: let the table catch up
                return;
            }
            epoch = EpochStore.read(connection).number();
        }
        HostAndPort followed = monitor.followed();
        if (epoch > monitor.epoch() || followed == null && writableNodes == 1 && epoch == monitor.epoch()) {
            LOG.warn("{} - following {} (epoch {}; this instance had epoch {})", name, other, epoch, monitor.epoch());
            monitor.follow(other, epoch);
            lastFailover = clock.instant();
        } else if (epoch == monitor.epoch() && epoch > 0) {
            // Two masters of the same term: neither can be trusted to be the one. Refuse writes, loudly, until
            // only one is writable again (then it is followed).
            LOG.error("{} - {} and {} are both writable with epoch {}: refusing writes until one is read-only",
                    name, other, followed, epoch);
            monitor.follow(null, epoch);
        } else if (followed != null && !other.equals(followed)) {
            fencer.fenceAndRejoin(other, followed, dialect, "writable with epoch " + epoch + ", but the master is "
                    + followed + " (epoch " + monitor.epoch() + ")");
        }
    }

    private static boolean readOnly(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT @@global.read_only")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void holdBack(HostAndPort master, String reason) {
        if (!reason.equals(heldBack)) {
            heldBack = reason;
            LOG.warn("{} - failover of {} held back: {}", name, master, reason);
            events.publish(new FailoverHeldBack(name, clock.instant(), master, reason));
        }
    }

    Node node(HostAndPort address) {
        return monitor.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }

    void recordFailover(Instant at) {
        lastFailover = at;
    }
}
