package io.github.understudy.examples.demo;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.NoAvailableNodeException;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.event.UnderstudyEvent;
import io.github.understudy.testkit.ClusterNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Injects the chosen fault under load, waits (boundedly) for what Understudy should do about it, undoes the
 * fault, and says what it expected and whether it happened.
 */
final class FaultScenario {

    /** Upper bound for every wait: a step that takes longer is reported, and the demo moves on. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    /** How long a dead replica is left dead. */
    private static final Duration LEFT_IN_PLACE = Duration.ofSeconds(3);

    private final DemoRun run;
    private final List<Check> checks = new ArrayList<>();

    FaultScenario(DemoRun run) {
        this.run = run;
    }

    /** Plays the fault of the run's options; returns what was expected and what happened. */
    List<Check> play() throws InterruptedException {
        switch (run.options().fault()) {
            case KILL, HANG -> {
                if (run.options().promotes()) {
                    masterReplaced();
                } else {
                    masterWaitedFor();
                }
            }
            case PARTITION -> masterCutOff();
            case REPLICA_KILL -> replicaKilled();
        }
        return checks;
    }

    /** Kill or hang the master: a replica is promoted, writes move to it, the old master comes back fenced. */
    private void masterReplaced() throws InterruptedException {
        ClusterNode master = run.cluster().node("n1");
        injectOnMaster(master);
        Optional<EventPrinter.Seen> promoted = awaitEvent(run.faultAt(),
                e -> e instanceof MasterPromoted || e instanceof FailoverFailed);
        boolean ok = promoted.isPresent() && promoted.get().event() instanceof MasterPromoted;
        check("a replica is promoted", ok, promoted.map(s -> outcome(s.event())).orElse("nothing within "
                + STEP_TIMEOUT.toSeconds() + " s"));
        if (ok) {
            String newMaster = run.names().of(((MasterPromoted) promoted.get().event()).newMaster());
            awaitWritesOn(newMaster, "writes resume on the new master " + newMaster);
            run.hold(Duration.ofSeconds(1));
        }
        undoOnMaster(master);
        Optional<EventPrinter.Seen> back = awaitEvent(run.recoveryAt(), e -> isAbout(e, master)
                && (e instanceof NodeRejoined || e instanceof RejoinRefused));
        check("the old master comes back fenced, then rejoins (or stays fenced when it has errant transactions)",
                back.isPresent(), back.map(s -> s.event().getClass().getSimpleName()).orElse("nothing within "
                        + STEP_TIMEOUT.toSeconds() + " s"));
    }

    /** Strategy none: nobody promotes; writes fail until the old master is back, then go to it again. */
    private void masterWaitedFor() throws InterruptedException {
        ClusterNode master = run.cluster().node("n1");
        injectOnMaster(master);
        Optional<EventPrinter.Seen> dead = awaitEvent(run.faultAt(), e -> e instanceof MasterFailureDiagnosed d
                && d.diagnosis() == Diagnosis.DEAD_MASTER);
        check("the master is diagnosed DEAD_MASTER", dead.isPresent(), dead.isPresent() ? "yes" : "no diagnosis");
        run.say("strategy none: nobody promotes; writes wait up to masterWaitTimeout (2 s), then fail with 08001");
        awaitFailedWrites(NoAvailableNodeException.SQL_STATE, "writes fail with a typed SQLException (08001, "
                + "NoAvailableNodeException) while there is no master");
        run.hold(Duration.ofSeconds(1));
        undoOnMaster(master);
        awaitWritesOn("n1", "writes resume on n1 once it is back");
        check("no replica is promoted", run.events().of(MasterPromoted.class).isEmpty(), "promotions: "
                + run.events().of(MasterPromoted.class).size());
    }

    /** One-sided partition: replicas still replicate, so the master is alive: no failover, writes fail typed. */
    private void masterCutOff() throws InterruptedException {
        ClusterNode master = run.cluster().node("n1");
        run.say("cutting the application off n1 (a one-sided partition: replication still flows)");
        run.markFault("n1");
        master.cutFromApplication();
        Optional<EventPrinter.Seen> unreachable = awaitEvent(run.faultAt(), e -> e instanceof MasterFailureDiagnosed d
                && d.diagnosis() == Diagnosis.UNREACHABLE_MASTER);
        check("the master is diagnosed UNREACHABLE_MASTER (alive, only cut off from us): no failover",
                unreachable.isPresent(), unreachable.isPresent() ? "yes" : "no such diagnosis");
        run.say("writes wait up to masterWaitTimeout (2 s) for a usable master, then fail with SQLState 08001;"
                + " reads go on");
        awaitFailedWrites(NoAvailableNodeException.SQL_STATE, "writes fail with a typed SQLException (08001, "
                + "NoAvailableNodeException) while the master is cut off");
        run.hold(Duration.ofSeconds(1));
        run.say("healing the network to n1");
        run.markRecovery();
        master.healNetwork();
        awaitWritesOn("n1", "writes resume on n1 after healing");
        check("no replica is promoted", run.events().of(MasterPromoted.class).isEmpty(), "promotions: "
                + run.events().of(MasterPromoted.class).size());
    }

    /** A replica dies: reads move to the others at once, none fails. */
    private void replicaKilled() throws InterruptedException {
        List<ClusterNode> nodes = run.cluster().nodes();
        ClusterNode victim = nodes.get(nodes.size() - 1);
        run.say("killing replica " + victim.name() + " (SIGKILL)");
        run.markFault(victim.name());
        victim.kill();
        run.hold(LEFT_IN_PLACE);
        run.say("starting " + victim.name() + " again");
        run.markRecovery();
        victim.start();
        Optional<EventPrinter.Seen> up = awaitEvent(run.recoveryAt(), e -> e instanceof NodeUp u
                && run.names().of(u.node()).equals(victim.name()));
        check(victim.name() + " is readmitted (NodeUp)", up.isPresent(), up.isPresent() ? "yes" : "not within "
                + STEP_TIMEOUT.toSeconds() + " s");
        check("no read fails", run.load().failedReads() == 0, run.load().failedReads() + " failed reads");
    }

    private void injectOnMaster(ClusterNode master) {
        run.say((run.options().fault() == Fault.KILL ? "killing" : "hanging") + " the master n1 ("
                + (run.options().fault() == Fault.KILL ? "SIGKILL" : "SIGSTOP") + ")");
        run.markFault("n1");
        if (run.options().fault() == Fault.KILL) {
            master.kill();
        } else {
            master.pause();
        }
    }

    private void undoOnMaster(ClusterNode master) {
        run.markRecovery();
        if (run.options().fault() == Fault.KILL) {
            run.say("starting n1 again, with its data: it comes back writable, as its configuration says");
            master.start();
        } else {
            run.say("resuming n1 (SIGCONT): it is writable again");
            master.resume();
        }
    }

    private void awaitWritesOn(String node, String expectation) throws InterruptedException {
        long since = System.nanoTime();
        long deadline = since + STEP_TIMEOUT.toNanos();
        while (run.load().lastWriteOn(node) <= since && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean ok = run.load().lastWriteOn(node) > since;
        check(expectation, ok, ok ? "yes" : "no write on " + node + " within " + STEP_TIMEOUT.toSeconds() + " s");
    }

    private String outcome(UnderstudyEvent event) {
        return event instanceof MasterPromoted p ? run.names().of(p.newMaster()) + ", epoch " + p.epoch()
                : run.names().humanize(((FailoverFailed) event).reason());
    }

    private Optional<EventPrinter.Seen> awaitEvent(long since, Predicate<UnderstudyEvent> condition)
            throws InterruptedException {
        return run.events().await(since, condition, STEP_TIMEOUT);
    }

    private void awaitFailedWrites(String sqlState, String expectation) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (run.load().failedWrites(sqlState) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long failed = run.load().failedWrites(sqlState);
        check(expectation, failed > 0, failed > 0 ? "yes" : "no write failed with " + sqlState + " within "
                + STEP_TIMEOUT.toSeconds() + " s");
    }

    private boolean isAbout(UnderstudyEvent event, ClusterNode node) {
        HostAndPort about = event instanceof NodeRejoined r ? r.node()
                : event instanceof RejoinRefused r ? r.node() : null;
        return about != null && run.names().of(about).equals(node.name());
    }

    private void check(String expectation, boolean met, String detail) {
        checks.add(new Check(expectation, met, detail));
        if (!met) {
            run.say(run.console().ansi().red("unexpected: " + expectation + ": " + detail));
        }
    }
}
