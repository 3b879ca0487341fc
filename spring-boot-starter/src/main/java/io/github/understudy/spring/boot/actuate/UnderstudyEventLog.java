package io.github.understudy.spring.boot.actuate;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.UnderstudyEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the last events of every Understudy DataSource it listens to, for the {@code understudy} endpoint, and,
 * apart from them, the last {@value #FAILOVERS_KEPT} changes of master with their phase timings (built from
 * {@link MasterPromoted} and the {@link ReplicasRepointed} that follows it), so that a burst of other events does
 * not push them out. Registered as a listener bean, it hears every event from the start.
 */
public final class UnderstudyEventLog implements UnderstudyListener {

    /** How many changes of master are kept, over all DataSources. */
    public static final int FAILOVERS_KEPT = 10;

    private final int capacity;
    private final Deque<UnderstudyEvent> events = new ArrayDeque<>();
    private final Deque<Failover> failovers = new ArrayDeque<>();
    private final Map<String, String> switchovers = new ConcurrentHashMap<>();

    /**
     * Creates a log.
     *
     * @param capacity how many events to keep, {@code >= 0}; the oldest are dropped
     * @throws IllegalArgumentException when the capacity is negative
     */
    public UnderstudyEventLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException(
                    "understudy.endpoint.recent-events must be >= 0, but was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the event, dropping the oldest when full. Called on Understudy's threads: it only takes a short lock. */
    @Override
    public synchronized void onEvent(UnderstudyEvent event) {
        if (event instanceof MasterPromoted promoted) {
            add(failovers, new Failover(promoted.dataSourceName(), FailoverDescriptor.of(promoted)), FAILOVERS_KEPT);
        } else if (event instanceof ReplicasRepointed repointed) {
            addRepointing(repointed);
        }
        add(events, event, capacity);
    }

    /**
     * Returns the recorded events of one DataSource.
     *
     * @param dataSourceName the DataSource's name
     * @return its events, newest first
     */
    public synchronized List<UnderstudyEvent> recent(String dataSourceName) {
        List<UnderstudyEvent> recent = new ArrayList<>();
        events.descendingIterator().forEachRemaining(event -> {
            if (event.dataSourceName().equals(dataSourceName)) {
                recent.add(event);
            }
        });
        return recent;
    }

    /**
     * Returns the recorded changes of master of one DataSource.
     *
     * @param dataSourceName the DataSource's name
     * @return its failovers and switchovers, newest first
     */
    public synchronized List<FailoverDescriptor> failovers(String dataSourceName) {
        List<FailoverDescriptor> recent = new ArrayList<>();
        failovers.descendingIterator().forEachRemaining(failover -> {
            if (failover.dataSourceName().equals(dataSourceName)) {
                recent.add(failover.descriptor());
            }
        });
        return recent;
    }

    /**
     * @param dataSourceName the DataSource's name
     * @return its last failover or switchover, if this log saw one
     */
    public Optional<FailoverDescriptor> lastFailover(String dataSourceName) {
        return failovers(dataSourceName).stream().findFirst();
    }

    /**
     * Notes that a switchover to {@code target} started through the endpoint: writes are held on purpose until it
     * ends, which the health indicator does not count as an outage.
     *
     * @param dataSourceName the DataSource's name
     * @param target the replica being promoted
     */
    public void switchoverStarted(String dataSourceName, String target) {
        switchovers.put(dataSourceName, target);
    }

    /**
     * Notes that the switchover of a DataSource ended, however it ended.
     *
     * @param dataSourceName the DataSource's name
     */
    public void switchoverEnded(String dataSourceName) {
        switchovers.remove(dataSourceName);
    }

    /**
     * @param dataSourceName the DataSource's name
     * @return the target of the switchover under way through the endpoint, if there is one
     */
    public Optional<String> switchoverUnderWay(String dataSourceName) {
        return Optional.ofNullable(switchovers.get(dataSourceName));
    }

    private void addRepointing(ReplicasRepointed repointed) {
        for (Iterator<Failover> newestFirst = failovers.descendingIterator(); newestFirst.hasNext(); ) {
            Failover failover = newestFirst.next();
            if (failover.dataSourceName().equals(repointed.dataSourceName())) {
                if (failover.descriptor().awaits(repointed)) {
                    failover.descriptor = failover.descriptor().with(repointed);
                }
                return;
            }
        }
    }

    private static <T> void add(Deque<T> deque, T element, int capacity) {
        if (capacity == 0) {
            return;
        }
        if (deque.size() == capacity) {
            deque.removeFirst();
        }
        deque.addLast(element);
    }

    /** A change of master of one DataSource; its descriptor gains the repointing phase when that ends. */
    private static final class Failover {

        private final String dataSourceName;
        private FailoverDescriptor descriptor;

        Failover(String dataSourceName, FailoverDescriptor descriptor) {
            this.dataSourceName = dataSourceName;
            this.descriptor = descriptor;
        }

        String dataSourceName() {
            return dataSourceName;
        }

        FailoverDescriptor descriptor() {
            return descriptor;
        }
    }
}
