package io.github.understudy.spring.boot.actuate;

import io.github.understudy.event.UnderstudyEvent;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a GraalVM native image must be told for the endpoint's event log: {@link EventDescriptor} reads each
 * event's record components and calls their accessors reflectively. Every permitted event type is registered, so
 * an event added to the sealed {@link UnderstudyEvent} is covered without a change here. Registered through
 * {@code META-INF/spring/aot.factories}; the rest of Understudy needs no reflection, proxy or resource hints.
 */
public final class EventRuntimeHints implements RuntimeHintsRegistrar {

    /** Creates the registrar; Spring's AOT processing calls it. */
    public EventRuntimeHints() {
    }

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        for (Class<?> event : UnderstudyEvent.class.getPermittedSubclasses()) {
            hints.reflection().registerType(event, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
    }
}
