package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.InvalidSettingException;
import io.github.understudy.UnderstudyMetrics.BreakerState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The breaker's state machine, on a clock the test moves. */
class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<BreakerState> changes = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker("test - db1:3306",
            CircuitBreaker.Settings.following(Duration.ofMillis(500)), clock, state -> changes.add(state.reported()));

    @Test
    void opensWhenHalfOfTheCountedBorrowsFailedOnceEnoughWereCounted() {
        succeed(3);
        fail(2);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED); // 2 of 5: below half
        fail(1);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN); // 3 of 6
        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(changes).containsExactly(BreakerState.OPEN);
    }

    @Test
    void countsOnlyTheLastTwentyBorrows() {
        succeed(6);
        fail(4);
        succeed(20); // the failures fall out of the window
        fail(9);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED); // 9 of 20
        fail(1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN); // 10 of 20
    }

    @Test
    void afterItsOpenWaitLetsTwoTrialsThroughAndClosesWhenBothSucceed() {
        breaker.transitionToOpenState();
        clock.advance(Duration.ofMillis(999));
        assertThat(breaker.tryAcquirePermission()).isFalse(); // the wait is two probe intervals, at least 1 s

        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse(); // two trials at a time
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        breaker.onSuccess(1, TimeUnit.MILLISECONDS);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(changes).containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
        fail(4);
        assertThat(breaker.getState()).as("a closed breaker counts afresh").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedTrialOpensItAgainForAnotherWait() {
        breaker.transitionToOpenState();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("refused"));

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void aReleasedTrialPermissionCanBeTakenAgain() {
        breaker.transitionToOpenState();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.releasePermission();

        assertThat(breaker.tryAcquirePermission()).isTrue();
    }

    @Test
    void theOpenWaitFollowsTheProbeInterval() {
        assertThat(CircuitBreaker.Settings.following(Duration.ofSeconds(2)).openWait()).isEqualTo(Duration.ofSeconds(4));
        assertThat(CircuitBreaker.Settings.following(Duration.ofMillis(100)).openWait()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesFiguresThatCannotWork() {
        assertThatThrownBy(() -> new CircuitBreaker.Settings(20, 21, 50, Duration.ZERO, 2))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("minimumCalls must be in [1, window]");
    }

    private void succeed(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        }
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("refused"));
        }
    }
}
