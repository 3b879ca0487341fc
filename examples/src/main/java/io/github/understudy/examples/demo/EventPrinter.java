package io.github.understudy.examples.demo;

import io.github.understudy.HostAndPort;
import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.FailoverHeldBack;
import io.github.understudy.event.FailoverStarted;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.NodeSuspect;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.event.ReplicaCaughtUp;
import io.github.understudy.event.ReplicaLagging;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.TopologyChanged;
import io.github.understudy.event.UnderstudyEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Receives Understudy's events: prints each as one line (node names instead of addresses) and keeps them, with
 * the {@link System#nanoTime()} they arrived at, for the demo's waits and its summary.
 */
final class EventPrinter implements UnderstudyListener {

    /** An event and when it arrived. */
    record Seen(long at, UnderstudyEvent event) {
    }

    private final LiveConsole console;
    private final NodeNames names;
    private final List<Seen> seen = new ArrayList<>();

    EventPrinter(LiveConsole console, NodeNames names) {
        this.console = console;
        this.names = names;
    }

    @Override
    public void onEvent(UnderstudyEvent event) {
        long at = System.nanoTime();
        String text = describe(event);
        if (text != null) {
            console.line(text); // before waking the demo, so that its next line comes after this one
        }
        synchronized (seen) {
            seen.add(new Seen(at, event));
            seen.notifyAll();
        }
    }

    /** @return every event seen so far, in order */
    List<Seen> all() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** @return the events of one type seen so far */
    <E extends UnderstudyEvent> List<E> of(Class<E> type) {
        return all().stream().map(Seen::event).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /**
     * Waits until an event matching {@code condition} has arrived since {@code since} (also before the call).
     *
     * @param since {@link System#nanoTime()} from which events count
     * @return the first such event, or empty when none came within {@code timeout}
     */
    Optional<Seen> await(long since, Predicate<UnderstudyEvent> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            while (true) {
                Optional<Seen> match = seen.stream().filter(s -> s.at() - since >= 0 && condition.test(s.event()))
                        .findFirst();
                long left = deadline - System.nanoTime();
                if (match.isPresent() || left <= 0) {
                    return match;
                }
                seen.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private String describe(UnderstudyEvent event) {
        if (event instanceof TopologyChanged) {
            return null; // the progress line shows the topology
        }
        String text = failoverText(event);
        return names.humanize(text != null ? text : healthText(event));
    }

    /** Node health: suspect, down, up, lagging, caught up. */
    private String healthText(UnderstudyEvent event) {
        Ansi ansi = console.ansi();
        if (event instanceof NodeSuspect e) {
            return ansi.yellow(name(e) + " " + n(e.node()) + " suspect: " + e.reason());
        } else if (event instanceof NodeDown e) {
            return ansi.red(name(e) + " " + n(e.node()) + " down: " + e.reason());
        } else if (event instanceof NodeUp e) {
            return ansi.green(name(e) + " " + n(e.node()) + " up");
        } else if (event instanceof ReplicaLagging e) {
            return ansi.yellow(name(e) + " " + n(e.node()) + " lagging: " + e.reason());
        } else if (event instanceof ReplicaCaughtUp e) {
            return name(e) + " " + n(e.node()) + " caught up";
        }
        return name(event); // a kind of event newer than this demo
    }

    /** Failover: diagnosis, promotion, repointing, fencing, rejoining; null for other events. */
    private String failoverText(UnderstudyEvent event) {
        Ansi ansi = console.ansi();
        if (event instanceof MasterFailureDiagnosed e) {
            return ansi.bold(name(e) + " master " + n(e.master()) + " " + e.diagnosis() + ": " + e.detail());
        } else if (event instanceof FailoverStarted e) {
            return ansi.bold(name(e) + " replacing " + n(e.failedMaster()) + ", candidates "
                    + e.candidates().stream().map(this::n).toList() + ", strategy " + e.strategy());
        } else if (event instanceof MasterPromoted e) {
            return ansi.green(ansi.bold(name(e) + " " + n(e.newMaster()) + " is the new master (epoch " + e.epoch()
                    + "): detection " + millis(e.detection()) + ", promotion " + millis(e.promotion())
                    + (e.rejected().isEmpty() ? "" : "; rejected " + e.rejected())));
        } else if (event instanceof ReplicasRepointed e) {
            return ansi.green(name(e) + " repointed to " + n(e.newMaster()) + " in " + millis(e.took()) + ": "
                    + e.results());
        } else if (event instanceof FailoverFailed e) {
            return ansi.red(name(e) + " failover of " + n(e.failedMaster()) + " failed: " + e.reason());
        } else if (event instanceof FailoverHeldBack e) {
            return ansi.yellow(name(e) + " failover of " + n(e.failedMaster()) + " held back: " + e.reason());
        } else if (event instanceof NodeFenced e) {
            return ansi.yellow(name(e) + " " + n(e.node()) + " fenced (read-only, sessions killed): " + e.reason());
        } else if (event instanceof NodeRejoined e) {
            return ansi.green(name(e) + " " + n(e.node()) + " rejoined as a replica of " + n(e.master()));
        } else if (event instanceof RejoinRefused e) {
            return ansi.yellow(name(e) + " " + n(e.node()) + " stays fenced: " + e.reason() + " (errant GTIDs "
                    + e.errantGtids() + ")");
        }
        return null;
    }

    private static String name(UnderstudyEvent event) {
        return event.getClass().getSimpleName() + ":";
    }

    private String n(HostAndPort address) {
        return names.of(address);
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
