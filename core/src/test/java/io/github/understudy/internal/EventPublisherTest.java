package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.understudy.HostAndPort;
import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.UnderstudyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventPublisherTest {

    private static final NodeDown EVENT =
            new NodeDown("orders", Instant.parse("2026-01-01T00:00:00Z"), HostAndPort.parse("db2:3306"), "refused");

    private final Logger logger = (Logger) LoggerFactory.getLogger(EventPublisher.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
        logger.setAdditive(false); // keeps the expected stack traces out of the build output
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setAdditive(true);
    }

    @Test
    void callsEveryListenerInOrder() {
        List<String> calls = new ArrayList<>();
        EventPublisher publisher = new EventPublisher("orders", List.of(e -> calls.add("first"),
                e -> calls.add("second")));

        publisher.publish(EVENT);

        assertThat(calls).containsExactly("first", "second");
    }

    @Test
    void aThrowingListenerIsLoggedAndNeitherStopsTheOthersNorReachesTheCaller() {
        List<UnderstudyEvent> seen = new ArrayList<>();
        UnderstudyListener broken = e -> {
            throw new IllegalStateException("boom");
        };
        EventPublisher publisher = new EventPublisher("orders", List.of(broken, seen::add));

        assertThatCode(() -> publisher.publish(EVENT)).doesNotThrowAnyException();

        assertThat(seen).containsExactly(EVENT);
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage())
                    .startsWith("orders - listener " + broken.getClass().getName() + " failed on NodeDown[");
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("boom");
        });
    }

    @Test
    void anAssertionErrorFromAListenerIsContainedToo() {
        EventPublisher publisher = new EventPublisher("orders", List.of(e -> {
            throw new AssertionError("listener bug");
        }));

        assertThatCode(() -> publisher.publish(EVENT)).doesNotThrowAnyException();
        assertThat(logged.list).hasSize(1);
    }

    @Test
    void aTypedListenerIsNamedByItsEventType() {
        UnderstudyListener broken = UnderstudyListener.on(NodeDown.class, e -> {
            throw new IllegalStateException("boom");
        });

        new EventPublisher("orders", List.of(broken)).publish(EVENT);

        assertThat(logged.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).startsWith("orders - listener on(NodeDown, "));
    }

    @Test
    void typedListenersSkipOtherEventsWithoutFailing() {
        List<NodeUp> ups = new ArrayList<>();
        new EventPublisher("orders", List.of(UnderstudyListener.on(NodeUp.class, ups::add))).publish(EVENT);

        assertThat(ups).isEmpty();
        assertThat(logged.list).isEmpty();
    }
}
