package io.github.understudy.spring.boot.actuate;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.UnderstudyEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the last events of every Understudy DataSource it listens to, for the {@code understudy} endpoint.
 * Registered as a listener bean, it hears every event from the start, before the endpoint is first read.
 */
public final class UnderstudyEventLog implements UnderstudyListener {

    private final int capacity;
    private final Deque<UnderstudyEvent> events = new ArrayDeque<>();

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
        if (capacity == 0) {
            return;
        }
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
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
}
