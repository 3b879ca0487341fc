package io.github.understudy.internal;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.UnderstudyEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to every listener, in order, on the calling thread. A listener that throws is logged at WARN
 * and skipped: it never reaches the caller, which is routing or monitoring, nor stops the listeners after it.
 */
final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final String name;
    private final List<UnderstudyListener> listeners;

    /**
     * Creates a publisher.
     *
     * @param name the DataSource's name, the prefix of log lines
     * @param listeners the listeners, in the order they are called
     */
    public EventPublisher(String name, List<UnderstudyListener> listeners) {
        this.name = Check.notNull("name", name);
        this.listeners = List.copyOf(Check.notNull("listeners", listeners));
    }

    /**
     * Publishes one event to every listener.
     *
     * @param event the event
     */
    public void publish(UnderstudyEvent event) {
        for (UnderstudyListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                LOG.warn("{} - listener {} failed on {}", name, describe(listener), event, failure);
            }
        }
    }

    /** Lambdas have unhelpful class names, so a typed listener says what it listens to and its action's class. */
    private static String describe(UnderstudyListener listener) {
        return listener instanceof TypedListener<?> typed ? typed.toString() : listener.getClass().getName();
    }
}
