package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import java.time.Clock;
import java.util.Optional;

/**
 * The health state machine of one node. It decides; it does not publish: each input returns the
 * {@link Transition} it caused, if any, for the caller to announce.
 *
 * <pre>
 *   UP      --failed probe or request failure--&gt; SUSPECT (DOWN at once when failuresToEvict = 1 and a probe failed)
 *   SUSPECT --good probe--&gt; UP;  --failuresToEvict consecutive failures in total--&gt; DOWN
 *   DOWN    --successesToReadmit consecutive good probes--&gt; UP
 *   UP, SUSPECT, DOWN --replica probe with lag &gt; maxLag, unknown lag or broken replication--&gt; LAGGING
 *   LAGGING --successesToReadmit consecutive good probes--&gt; UP;  --failuresToEvict failures--&gt; DOWN
 * </pre>
 *
 * <p>A lagging replica that fails probes stays LAGGING until it is evicted: it serves no reads either way, and
 * going through SUSPECT would let one good probe re-admit it without proving it has caught up. A lagging replica
 * that turns out to be master (promoted by someone else) is UP at its first good probe: a master is never lagging.
 * A node starts DOWN ("not probed yet"), and when its first probe is good it is admitted at once, so that start-up
 * does not wait for {@code successesToReadmit} probes; the same holds for the first probe after {@link #readmit()}.
 * After a failed probe the usual count applies. {@link #evict(String)} holds a node DOWN whatever the probes say.
 *
 * <p>Inputs come from the monitor, from request threads ({@link #onRequestFailure}) and from operators, so they
 * are serialised; {@link #status()} is a volatile read of an immutable status, for any thread, without locking.
 */
final class NodeHealth {

    private final HealthPolicy policy;
    private final Clock clock;
    private volatile NodeStatus status;
    private int failures;
    private int successes;
    private boolean evicted;
    private boolean admitOnNextGoodProbe = true;

    /**
     * Creates the machine of one node, DOWN until its first good probe.
     *
     * @param address the node
     * @param policy the thresholds and maximum lag
     * @param clock the clock that stamps state changes
     */
    public NodeHealth(HostAndPort address, HealthPolicy policy, Clock clock) {
        this.policy = Check.notNull("policy", policy);
        this.clock = Check.notNull("clock", clock);
        this.status = new NodeStatus(Check.notNull("address", address), Role.UNKNOWN, NodeState.DOWN, null, 0, "",
                "not probed yet", clock.instant());
    }

    /** {@return the node's current status; any thread, no locking} */
    public NodeStatus status() {
        return status;
    }

    /**
     * Takes in one probe's result. A probe that answered also refreshes the status's role, lag, server id and GTID
     * position, even when the state does not change.
     *
     * @param probe what the probe saw
     * @return the state change it caused, if any
     */
    public synchronized Optional<Transition> onProbe(ProbeResult probe) {
        if (!probe.reachable()) {
            return onFailure(probe.failure());
        }
        NodeStatus observed = observe(probe);
        if (evicted) {
            status = observed;
            return Optional.empty();
        }
        failures = 0;
        String problem = policy.problemOf(probe);
        boolean admitNow = admitOnNextGoodProbe;
        admitOnNextGoodProbe = false;
        if (!problem.isEmpty()) {
            successes = 0;
            return moveTo(observed, NodeState.LAGGING, problem);
        }
        successes++;
        return onGoodProbe(observed, admitNow);
    }

    /**
     * Takes in a communications failure seen on the request path: a serving node becomes SUSPECT at once, so
     * reads stop going to it before the next probe. It counts as one failure toward eviction however many requests
     * failed at once: only probes evict.
     *
     * @param reason what failed, e.g. {@code "Communications link failure"}
     * @return the state change it caused, if any
     */
    public synchronized Optional<Transition> onRequestFailure(String reason) {
        Check.notNull("reason", reason);
        if (evicted || status.state() != NodeState.UP) {
            return Optional.empty();
        }
        failures = Math.max(failures, 1);
        successes = 0;
        return moveTo(status, NodeState.SUSPECT, reason);
    }

    /**
     * Evicts the node on an operator's request: DOWN, and kept DOWN whatever the probes say until
     * {@link #readmit()}.
     *
     * @param reason why, shown in the status as {@code "evicted: <reason>"}
     * @return the state change it caused, if any
     */
    public synchronized Optional<Transition> evict(String reason) {
        Check.notNull("reason", reason);
        evicted = true;
        return moveTo(status, NodeState.DOWN, "evicted: " + reason);
    }

    /**
     * Lifts an operator's eviction and lets the probes decide again: when the next probe is good it brings the node
     * UP at once, without waiting for {@code successesToReadmit}; when it fails, the usual count applies.
     *
     * @return always empty: the node stays DOWN until that probe
     */
    public synchronized Optional<Transition> readmit() {
        if (evicted) {
            evicted = false;
            admitOnNextGoodProbe = true;
            failures = 0;
            successes = 0;
            status = withState(status, NodeState.DOWN, "readmitted, waiting for a good probe");
        }
        return Optional.empty();
    }

    private Optional<Transition> onFailure(String reason) {
        if (evicted) {
            return Optional.empty();
        }
        successes = 0;
        failures++;
        admitOnNextGoodProbe = false;
        NodeState state = status.state();
        if (state == NodeState.DOWN || failures >= policy.failuresToEvict()) {
            return moveTo(status, NodeState.DOWN, reason);
        }
        return moveTo(status, state == NodeState.LAGGING ? NodeState.LAGGING : NodeState.SUSPECT, reason);
    }

    private Optional<Transition> onGoodProbe(NodeStatus observed, boolean admitNow) {
        NodeState state = observed.state();
        boolean admit = state == NodeState.UP || state == NodeState.SUSPECT || admitNow
                || successes >= policy.successesToReadmit()
                || (state == NodeState.LAGGING && observed.role() == Role.MASTER);
        return admit ? moveTo(observed, NodeState.UP, "") : moveTo(observed, state, observed.reason());
    }

    /** Changes the status; a transition only when the state changes, so {@code since} stays put otherwise. */
    private Optional<Transition> moveTo(NodeStatus base, NodeState to, String reason) {
        NodeStatus previous = status;
        status = withState(base, to, reason);
        if (previous.state() == to) {
            return Optional.empty();
        }
        return Optional.of(new Transition(previous, status, policy.maxLag()));
    }

    private NodeStatus withState(NodeStatus base, NodeState to, String reason) {
        var since = base.state() == to ? base.since() : clock.instant();
        return base.with(to, reason, since);
    }

    private NodeStatus observe(ProbeResult probe) {
        NodeStatus now = status;
        return new NodeStatus(now.address(), probe.role(), now.state(), probe.lag(), probe.serverId(),
                probe.gtidPosition(), now.reason(), now.since(), probe.replication());
    }
}
