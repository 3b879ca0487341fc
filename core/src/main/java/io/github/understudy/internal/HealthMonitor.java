package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.Role;
import io.github.understudy.NodeStatus;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.event.TopologyChanged;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every node on a schedule, feeds the results to each node's {@link NodeHealth}, and publishes a new
 * {@link RoutingTable} after each probe. The request path never waits for it: it reads the last table published.
 * At most one probe per node runs at a time; a hung node holds one scheduler thread for at most the probe timeout.
 */
final class HealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final String name;
    private final List<Node> nodes;
    private final Duration interval;
    private final Duration healthyInterval;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final EventPublisher events;
    private final Map<Node, ReentrantLock> probing = new ConcurrentHashMap<>();
    private volatile RoutingTable table;
    private volatile HostAndPort followed;
    private volatile long epoch;
    private volatile String hold = "";
    private volatile String refused = "";
    private final Set<HostAndPort> fenced = ConcurrentHashMap.newKeySet();
    private Node poolMaster;
    private BiConsumer<Node, Node> masterChange;
    private volatile Runnable masterTrouble;
    private volatile Consumer<Node> prepareMaster;

    public HealthMonitor(String name, List<Node> nodes, Duration interval, Duration healthyInterval,
                         ScheduledExecutorService scheduler,
                         Clock clock, EventPublisher events) {
        this.name = name;
        this.nodes = List.copyOf(nodes);
        this.interval = interval;
        this.healthyInterval = healthyInterval;
        this.scheduler = scheduler;
        this.clock = clock;
        this.events = events;
        nodes.forEach(node -> probing.put(node, new ReentrantLock()));
        this.table = RoutingTable.of(snapshotNow(), this.nodes, null, Set.of(), "");
    }

    /** Probes every node once, in parallel, and waits: the start-up discovery. */
    public RoutingTable probeAll() {
        List<CompletableFuture<Void>> probes = new ArrayList<>();
        for (Node node : nodes) {
            probes.add(CompletableFuture.runAsync(() -> probe(node), scheduler));
        }
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
        // Replicas were judged before the master's server_id was known: judge them again against it.
        if (table.master() != null) {
            nodes.stream().filter(n -> n != table.master()).forEach(this::probe);
        }
        return table;
    }

    /** Starts the periodic probes. */
    public void start() {
        nodes.forEach(node -> scheduleProbe(node, interval));
    }

    /**
     * Probes {@code node} after about {@code delay}, then schedules its next probe. The delay varies by ±10%, so that
     * a fleet of instances started together does not probe in step. A node that is UP is probed every
     * {@code healthyInterval} (at least {@code probeInterval}); any other, every {@code probeInterval}. A request that
     * fails on a node probes it at once, whatever its interval.
     */
    private void scheduleProbe(Node node, Duration delay) {
        long nanos = delay.toNanos();
        long jitter = nanos / 10;
        long jittered = nanos - jitter + java.util.concurrent.ThreadLocalRandom.current().nextLong(2 * jitter + 1);
        try {
            scheduler.schedule(() -> {
                probe(node);
                scheduleProbe(node, node.health().status().state() == NodeState.UP ? healthyInterval : interval);
            }, jittered, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: no more probes
        }
    }

    /** A request saw {@code node} fail: it is suspect at once, and probed now rather than at the next tick. */
    public void requestFailed(Node node, String reason) {
        node.health().onRequestFailure(reason).ifPresent(this::publishTransition);
        if (!scheduler.isShutdown()) {
            scheduler.execute(() -> probe(node));
        }
    }

    /** Writes go to {@code master} (the master of {@code newEpoch}) and to no other node; null: any single master. */
    void follow(HostAndPort master, long newEpoch) {
        boolean changed = !java.util.Objects.equals(master, followed) || newEpoch != epoch;
        followed = master;
        epoch = newEpoch;
        RoutingTable previous = republish();
        if (changed) {
            // Another instance's promotion, adopted here, shows as a topology change (the epoch moved).
            events.publish(new TopologyChanged(name, clock.instant(), previous.snapshot(), table.snapshot()));
        }
    }

    HostAndPort followed() {
        return followed;
    }

    long epoch() {
        return epoch;
    }

    /** {@return the nodes fenced by this instance and not rejoined yet} */
    Set<HostAndPort> fenced() {
        return Set.copyOf(fenced);
    }

    void fence(HostAndPort address, boolean isFenced) {
        if (isFenced ? fenced.add(address) : fenced.remove(address)) {
            republish();
        }
    }

    /** Holds writes (a switchover) until released with "". */
    void hold(String why) {
        hold = why;
        republish();
    }

    /** Refuses writes, saying why (the epoch record names no provable master); "" lifts it. */
    void refuseWrites(String why) {
        if (!why.equals(refused)) {
            refused = why;
            republish();
        }
    }

    /** {@return why writes are refused by the epoch record, "" when they are not} */
    String refused() {
        return refused;
    }

    /** Probes now, on the caller's thread (after a promotion: the table must show the new roles at once). */
    void probeNow(Node node) {
        probeNow(node, false);
    }

    /**
     * Probes now, on the caller's thread; {@code diagnosing}: for a master's diagnosis, asking a replica also how
     * long it has heard nothing from its source ({@link SourceSilence}).
     */
    void probeNow(Node node, boolean diagnosing) {
        ReentrantLock busy = probing.get(node);
        busy.lock(); // waits for a running probe: its result may predate what the caller just changed
        try {
            observe(node, diagnosing);
        } finally {
            busy.unlock();
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    public void evict(HostAndPort address, String reason) {
        node(address).health().evict(reason).ifPresent(this::publishTransition);
    }

    public void readmit(HostAndPort address) {
        Node node = node(address);
        node.health().readmit().ifPresent(this::publishTransition);
        scheduler.execute(() -> probe(node));
    }

    private Node node(HostAndPort address) {
        return nodes.stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("node must be one of " + nodes + ", but was " + address));
    }

    RoutingTable table() {
        return table;
    }

    /** @return why writes have nowhere to go, "" when they have */
    public String writeProblem() {
        return table.noMaster();
    }

    /** @return where writes go now, empty when nowhere */
    public Optional<HostAndPort> writeTarget() {
        Node master = table.master();
        return master == null ? Optional.empty() : Optional.of(master.address());
    }

    /** @return the topology as last observed */
    public TopologySnapshot snapshot() {
        return table.snapshot();
    }

    void probe(Node node) {
        ReentrantLock busy = probing.get(node);
        if (!busy.tryLock()) {
            return; // the probe running now will do
        }
        try {
            observe(node, false);
        } finally {
            busy.unlock();
        }
    }

    private void observe(Node node, boolean diagnosing) {
        try {
            ProbeResult result = node.probe().probe(table.masterServerId(), node.address().equals(followed),
                    diagnosing);
            if (result.latencyNanos() > 0) {
                node.stats().record(result.latencyNanos());
            }
            LOG.debug("{} - probe {}: {}", name, node, result);
            Optional<Transition> transition = node.health().onProbe(result);
            if (transition.isPresent()) {
                publishTransition(transition.get());
            } else {
                republish();
            }
            if (!node.probe().answering() && node.health().status().role() == Role.MASTER && masterTrouble != null) {
                // Diagnosed now rather than at the failover's next tick: a dead master's tenths of a second count.
                runSoon(masterTrouble);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} - probing {} failed unexpectedly", name, node, e);
        }
    }

    private void publishTransition(Transition transition) {
        // Plain info/warn, not SLF4J 2's fluent API: Maven 3 gives its plugins (Flyway's) SLF4J 1.7.
        if (transition.to() == NodeState.UP) {
            LOG.info("{} - {}", name, transition);
        } else {
            LOG.warn("{} - {}", name, transition);
        }
        RoutingTable previous = republish();
        events.publish(transition.toEvent(name));
        RoutingTable current = table;
        if (routingChanged(previous, current)) {
            LOG.info("{} - topology changed: {}", name, current.snapshot().describe());
            events.publish(new TopologyChanged(name, clock.instant(), previous.snapshot(), current.snapshot()));
        }
    }

    /** Rebuilds the table from every node's status; returns the previous one. */
    private synchronized RoutingTable republish() {
        RoutingTable previous = table;
        String held = !hold.isEmpty() ? hold : refused;
        table = RoutingTable.of(snapshotNow(), nodes, followed, fenced, held);
        Node master = table.master();
        if (master != null && master != poolMaster && masterChange != null) {
            // After the table is published: a write that read the old table re-checks it once it has borrowed.
            Node old = poolMaster;
            poolMaster = master;
            masterChange.accept(old, master);
        }
        return previous;
    }

    /** Runs {@code check} on the scheduler after each failed probe of a master (the failover's tick). */
    void onMasterTrouble(Runnable check) {
        masterTrouble = check;
    }

    private void runSoon(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * Tells {@code listener} (on the thread that published the table) whenever writes go to another node than
     * {@code current}, then the one after, and so on; and {@code prepare} when a promotion of a node starts.
     */
    synchronized void onMasterChange(Node current, BiConsumer<Node, Node> listener, Consumer<Node> prepare) {
        poolMaster = current;
        masterChange = listener;
        prepareMaster = prepare;
    }

    /** A promotion of {@code node} is under way: its master pool may open now (see {@link #onMasterChange}). */
    void promoting(Node node) {
        Consumer<Node> prepare = prepareMaster;
        if (prepare != null) {
            prepare.accept(node);
        }
    }

    private TopologySnapshot snapshotNow() {
        List<NodeStatus> statuses = new ArrayList<>(nodes.size());
        nodes.forEach(node -> statuses.add(node.health().status()));
        boolean masterUp = statuses.stream().anyMatch(st -> st.role() == Role.MASTER && st.state() == NodeState.UP);
        List<NodeStatus> shown = new ArrayList<>(statuses.size());
        for (NodeStatus status : statuses) {
            shown.add(shown(status, masterUp));
        }
        return TopologySnapshot.of(epoch, shown, clock.instant());
    }

    /** A node as the snapshot shows it: fenced nodes as FENCED, a dead master that was replaced as a former one. */
    private NodeStatus shown(NodeStatus status, boolean masterUp) {
        if (fenced.contains(status.address())) {
            return status.with(NodeState.FENCED, "fenced: an old master, read-only", status.since());
        }
        boolean replaced = followed != null ? !status.address().equals(followed) : masterUp;
        if (status.role() == Role.MASTER && status.state() != NodeState.UP && replaced) {
            return new NodeStatus(status.address(), Role.UNKNOWN, status.state(), status.lag(), status.serverId(),
                    status.gtidPosition(), "former master: " + status.reason(), status.since(), status.replication());
        }
        return status;
    }

    private static boolean routingChanged(RoutingTable previous, RoutingTable current) {
        return previous.master() != current.master() || !previous.replicas().equals(current.replicas());
    }
}
