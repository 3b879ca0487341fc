package io.github.understudy;

import io.github.understudy.event.UnderstudyEvent;
import io.github.understudy.internal.TypedListener;
import java.util.function.Consumer;

/**
 * Receives the events of one DataSource.
 *
 * <p>Listeners are called on Understudy's own threads (the health monitor's, or the thread that saw a request
 * fail), one event at a time per publisher: keep them short and never block. An exception thrown by a listener
 * is logged at WARN and otherwise ignored; it never disturbs routing or the other listeners.
 */
@FunctionalInterface
public interface UnderstudyListener {

    /**
     * Called for every event.
     *
     * @param event the event, never null
     */
    void onEvent(UnderstudyEvent event);

    /**
     * Subscribes to one type of event, e.g.
     * {@code UnderstudyListener.on(NodeDown.class, e -> alert(e.node() + " down: " + e.reason()))}.
     *
     * @param type the event type, e.g. {@code NodeDown.class}; subtypes match too
     * @param action called with each event of that type
     * @param <E> the event type
     * @return a listener that calls {@code action} for events of {@code type} and ignores the others
     */
    static <E extends UnderstudyEvent> UnderstudyListener on(Class<E> type, Consumer<? super E> action) {
        return new TypedListener<>(type, action);
    }
}
