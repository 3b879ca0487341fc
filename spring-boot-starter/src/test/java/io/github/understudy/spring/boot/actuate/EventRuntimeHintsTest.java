package io.github.understudy.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.event.UnderstudyEvent;

import java.lang.reflect.RecordComponent;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A native image can read every event's components, as the endpoint's event log does. */
class EventRuntimeHintsTest {

    @Test
    void everyEventAccessorIsRegisteredForInvocationThroughAotFactories() {
        RuntimeHints hints = new RuntimeHints();
        SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class)
                .forEach(registrar -> registrar.registerHints(hints, getClass().getClassLoader()));

        assertThat(UnderstudyEvent.class.getPermittedSubclasses()).isNotEmpty();
        for (Class<?> event : UnderstudyEvent.class.getPermittedSubclasses()) {
            for (RecordComponent component : event.getRecordComponents()) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
                        .as(event.getSimpleName() + "." + component.getName())
                        .accepts(hints);
            }
        }
    }
}
