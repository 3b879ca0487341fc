package io.github.understudy.benchmarks.support;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.UnderstudyEvent;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Collects the events of one or more DataSources with the {@link System#nanoTime()} at which each arrived, so
 * that phases can be timed against the moment a fault was injected. Bounded: past {@value #CAPACITY} events it
 * counts the rest and drops them.
 */
public final class EventLog implements UnderstudyListener {

    static final int CAPACITY = 100_000;

    private final List<Timed> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();

    /**
     * An event and when it arrived.
     *
     * @param nanos {@link System#nanoTime()} at arrival
     * @param event the event
     */
    public record Timed(long nanos, UnderstudyEvent event) {
    }

    @Override
    public void onEvent(UnderstudyEvent event) {
        if (events.size() < CAPACITY) {
            events.add(new Timed(System.nanoTime(), event));
        } else {
            dropped.incrementAndGet();
        }
    }

    /** @return every event so far, in arrival order */
    public List<Timed> all() {
        return List.copyOf(events);
    }

    /** @return how many events were dropped past the capacity */
    public int dropped() {
        return dropped.get();
    }

    /**
     * @param type  the event type
     * @param <E>   the event type
     * @return the events of that type, in arrival order
     */
    public <E extends UnderstudyEvent> List<E> of(Class<E> type) {
        return events.stream().map(Timed::event).filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * @param type      the event type
     * @param after     only events that arrived at or after this {@link System#nanoTime()}
     * @param condition what the event must satisfy
     * @param <E>       the event type
     * @return the first such event with its arrival time
     */
    public <E extends UnderstudyEvent> Optional<Timed> first(Class<E> type, long after, Predicate<E> condition) {
        return events.stream().filter(t -> t.nanos() >= after && type.isInstance(t.event()))
                .filter(t -> condition.test(type.cast(t.event()))).findFirst();
    }
}
