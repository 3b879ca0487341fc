package io.github.understudy.internal;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.UnderstudyEvent;
import java.util.function.Consumer;

/**
 * The listener behind {@link UnderstudyListener#on}: a named class, so that a log line about a failing listener
 * says which event type and which action it was.
 *
 * @param <E> the event type listened to
 */
public final class TypedListener<E extends UnderstudyEvent> implements UnderstudyListener {

    private final Class<E> type;
    private final Consumer<? super E> action;

    /**
     * Creates the listener.
     *
     * @param type the event type listened to
     * @param action what to do with each event of that type
     */
    public TypedListener(Class<E> type, Consumer<? super E> action) {
        this.type = Check.notNull("type", type);
        this.action = Check.notNull("action", action);
    }

    @Override
    public void onEvent(UnderstudyEvent event) {
        if (type.isInstance(event)) {
            action.accept(type.cast(event));
        }
    }

    @Override
    public String toString() {
        return "on(" + type.getSimpleName() + ", " + action.getClass().getName() + ")";
    }
}
