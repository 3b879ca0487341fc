package io.github.understudy.internal;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.FailoverHeldBack;
import io.github.understudy.event.FailoverStarted;
import io.github.understudy.event.MasterFailureDiagnosed;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the master of the highest epoch and, when it is confirmed dead, runs the promotion strategy under the
 * cluster lock and hands writes over to the promoted node ({@link Handover}). It also resolves other writable
 * nodes as the epoch record says ({@link Authority}: follow, restore or refuse, and fence the rest) and repairs
 * nodes that do not replicate from the master ({@link ReplicaRepair}). Runs on the monitor's scheduler, one tick
 * at a time.
 */
final class FailoverCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverCoordinator.class);

    private final Services services;
    private final FailureDetector detector;
    private final Fencer fencer;
    private final Handover handover;
    private final Duration diagnoseEvery;
    private final ReplicaRepair repair;
    private final EpochAuthority authority;
    private final ReentrantLock busy = new ReentrantLock();
    private Instant lastFailover;
    private Instant nextDiagnosis = Instant.MIN;
    private Diagnosis episode = Diagnosis.HEALTHY;
    private String heldBack = "";
    private volatile boolean masterProbeFailed;

    FailoverCoordinator(Services services, Duration probeInterval) {
        this.services = services;
        this.detector = new FailureDetector(services.monitor());
        this.fencer = new Fencer(services);
        this.handover = new Handover(services);
        this.diagnoseEvery = probeInterval;
        this.repair = new ReplicaRepair(services);
        this.authority = new EpochAuthority(services, fencer);
    }

    /**
     * After discovery: follows the master the epoch record names ({@link Authority}), restoring it when it came back
     * read-only; with {@code external()}, the single writable node instead. Stray writable nodes are fenced at the
     * first tick, before anything is routed to them (writes go to the followed master or nowhere).
     */
    void start() throws SQLException {
        if (authoritative()) {
            authority.apply(false);
        } else {
            long epoch = services.monitor().nodes().stream().map(n -> n.probe().last()).filter(s -> s != null)
                    .mapToLong(s -> s.epoch().number()).max().orElse(0);
            services.monitor().follow(null, epoch);
        }
    }

    /** Whether the epoch record decides who the master is: every strategy but {@code external()}. */
    private boolean authoritative() {
        return services.settings().strategy().changesServers()
                || services.settings().strategy() instanceof PassiveStrategy passive && passive.restoresMaster();
    }

    /** One look at the cluster; scheduled every fraction of the probe interval. */
    void tick() {
        if (!busy.tryLock()) {
            return;
        }
        try {
            if (dialect() != null) {
                boolean manages = services.settings().strategy().changesServers();
                if (authoritative() && authority.apply(manages)) {
                    lastFailover = services.clock().instant(); // followed another instance's promotion
                }
                watchMaster();
                if (manages) {
                    repair.run();
                }
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("{} - failover check failed: {}", services.name(), e.getMessage(), e);
        } finally {
            busy.unlock();
        }
    }

    /**
     * A probe of the master just failed: diagnose at once, even within the probe interval when the last diagnosis
     * found the master answering its probes (requests had failed first) — that is no longer so. Runs on the scheduler.
     */
    void masterProbeFailed() {
        masterProbeFailed = true;
        tick();
    }

    ReentrantLock busy() {
        return busy;
    }

    Dialect dialect() {
        return services.dialect();
    }

    private void watchMaster() throws SQLException {
        HealthMonitor monitor = services.monitor();
        RoutingTable table = monitor.table();
        HostAndPort master = services.settings().strategy().changesServers() ? monitor.followed()
                : table.snapshot().master().map(NodeStatus::address).orElse(null);
        NodeStatus status = master == null ? null : table.snapshot().node(master).orElse(null);
        if (status == null || status.state() == NodeState.UP) {
            episode = Diagnosis.HEALTHY;
            heldBack = "";
            return;
        }
        Instant now = services.clock().instant();
        boolean news = masterProbeFailed && episode == Diagnosis.HEALTHY;
        masterProbeFailed = false;
        if (Duration.between(status.since(), now).compareTo(services.settings().deadMasterAfter()) < 0
                || now.isBefore(nextDiagnosis) && !news) {
            return;
        }
        FailureDetector.Finding finding = FailureDetector.diagnose(master, status.serverId(),
                services.node(master).probe().answering(), detector.ask(master, table.snapshot()));
        // Sooner when the replicas' silence will prove the master gone before the probe interval is over.
        Duration recheck = finding.recheckIn();
        nextDiagnosis = now.plus(recheck != null && recheck.compareTo(diagnoseEvery) < 0 ? recheck : diagnoseEvery);
        if (finding.diagnosis() != episode) {
            episode = finding.diagnosis();
            LOG.warn("{} - master {} {}: {}", services.name(), master, finding.diagnosis(), finding.detail());
            services.events().publish(new MasterFailureDiagnosed(services.name(), now, master, finding.diagnosis(),
                    finding.detail()));
        }
        if (finding.diagnosis() == Diagnosis.DEAD_MASTER) {
            failover(status, finding, now);
        }
    }

    private void failover(NodeStatus master, FailureDetector.Finding finding, Instant diagnosedAt)
            throws SQLException {
        String guard = FailoverGuards.holdBack(services.settings(), lastFailover, diagnosedAt,
                finding.reachableReplicas().size(), services.monitor().nodes().size() - 1);
        if (!guard.isEmpty()) {
            holdBack(master.address(), guard);
            return;
        }
        try (ClusterLock lock = ClusterLock.acquire(finding.reachableReplicas(), services.connections())) {
            if (lock == null) {
                holdBack(master.address(), "another application instance holds the failover lock");
                // Back off with jitter: the winner's promotion shows at the next probes, and a fleet of losers
                // retrying in step would each open connections to the replicas at every diagnosis.
                nextDiagnosis = services.clock().instant().plus(diagnoseEvery).plusNanos(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(diagnoseEvery.toNanos() + 1));
                return;
            }
            finding.reachableReplicas().forEach(address -> services.monitor().probeNow(services.node(address)));
            if (promotedElsewhere(finding.reachableReplicas())) {
                return; // the next tick follows it
            }
            promote(master, finding, diagnosedAt);
        }
    }

    private void promote(NodeStatus master, FailureDetector.Finding finding, Instant diagnosedAt)
            throws SQLException {
        List<HostAndPort> candidates = finding.reachableReplicas();
        services.events().publish(new FailoverStarted(services.name(), services.clock().instant(), master.address(),
                candidates, services.settings().strategy().toString()));
        FailoverContext context = new FailoverContext(services.name(), services.monitor().table().snapshot(),
                master.address(), candidates, dialect(), services.settings(), services.connections(), slack());
        PromotionOutcome outcome = run(context);
        lastFailover = services.clock().instant();
        if (outcome.promoted().isEmpty()) {
            String reason = outcome.detail() + (outcome.rejected().isEmpty() ? "" : "; rejected: "
                    + outcome.rejected());
            LOG.error("{} - failover of {} failed: {}", services.name(), master.address(), reason);
            services.events().publish(new FailoverFailed(services.name(), services.clock().instant(),
                    master.address(), reason));
            return;
        }
        HostAndPort promoted = outcome.promoted().get();
        List<HostAndPort> others = candidates.stream().filter(c -> !c.equals(promoted))
                .filter(c -> outcome.rejected().stream().noneMatch(r -> r.node().equals(c) && r.reason().divergent()))
                .toList();
        handover.complete(new Handover.Promotion(master.address(), promoted, outcome.rejected(),
                Duration.between(master.since(), diagnosedAt), diagnosedAt, false, others, appliersStopped(others),
                null, outcome.appliedCoordinates().isEmpty() ? null
                        : BinlogPosition.parse(outcome.appliedCoordinates())), () -> { });
        lastFailover = services.clock().instant();
    }

    /**
     * Whether another instance promoted a node meanwhile: one is writable, or shows a higher epoch than this
     * instance follows (its row is written before the winner releases the lock). Asked under the lock, before any
     * candidate is touched: a loser that went on would stop the receivers of the new master's replicas.
     */
    private boolean promotedElsewhere(List<HostAndPort> candidates) {
        HealthMonitor monitor = services.monitor();
        if (!monitor.table().otherWritable().isEmpty()) {
            return true;
        }
        return candidates.stream().map(c -> services.node(c).probe().last()).filter(s -> s != null)
                .anyMatch(s -> !s.readOnly() && s.replica().isEmpty()
                        || s.epoch() != null && s.epoch().number() > monitor.epoch());
    }

    private PromotionOutcome run(FailoverContext context) {
        try {
            return services.settings().strategy().promote(context);
        } catch (SQLException | RuntimeException e) {
            return PromotionOutcome.nothing("the promotion strategy failed: " + e.getMessage(), List.of());
        }
    }

    /** The probe interval plus the probe timeout: see {@link io.github.understudy.PromotionContext#detectionSlack}. */
    private Duration slack() {
        return diagnoseEvery.plus(services.connections().probeTimeout());
    }

    /** Of {@code nodes}, those whose applier was stopped at the last probe (an operator's stop: it stays so). */
    private List<HostAndPort> appliersStopped(List<HostAndPort> nodes) {
        return nodes.stream().filter(node -> {
            NodeStatus status = services.monitor().table().snapshot().node(node).orElse(null);
            return status != null && status.replication() != null && !status.replication().applying();
        }).toList();
    }

    private void holdBack(HostAndPort master, String reason) {
        if (!reason.equals(heldBack)) {
            heldBack = reason;
            LOG.warn("{} - failover of {} held back: {}", services.name(), master, reason);
            services.events().publish(new FailoverHeldBack(services.name(), services.clock().instant(), master,
                    reason));
        }
    }

    void recordFailover(Instant at) {
        lastFailover = at;
    }

    Handover handover() {
        return handover;
    }

    Fencer fencer() {
        return fencer;
    }
}
