package io.github.understudy.internal;

import io.github.understudy.UnderstudyMetrics.BreakerState;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's circuit breaker on the request path: it keeps borrows off a node whose connections keep failing between
 * two probes, and lets one trial through now and then. The health monitor decides what a node is; the breaker only
 * saves requests the pool's connection timeout each, while the monitor has not caught up yet.
 *
 * <p>Closed, it counts the outcomes of the last {@link Settings#window()} borrows and opens when at least
 * {@link Settings#failurePercent()} of them failed (once {@link Settings#minimumCalls()} were counted). Open, it
 * refuses borrows for {@link Settings#openWait()}; then the next request moves it to half-open, where
 * {@link Settings#trialCalls()} borrows may try: all succeed, it closes; one fails, it opens again. Internal on
 * purpose: its one time constant follows the probe interval, and its state is reported through
 * {@link io.github.understudy.UnderstudyMetrics#breakerChanged}.
 */
public final class CircuitBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    /** The breaker's state; the names are those of the usual circuit breaker pattern. */
    public enum State {
        /** Borrows go through; outcomes are counted. */
        CLOSED(BreakerState.CLOSED),
        /** Borrows are refused until the open wait is over. */
        OPEN(BreakerState.OPEN),
        /** A few trial borrows decide between closed and open. */
        HALF_OPEN(BreakerState.HALF_OPEN);

        private final BreakerState reported;

        State(BreakerState reported) {
            this.reported = reported;
        }

        /** {@return the state as metrics report it} */
        public BreakerState reported() {
            return reported;
        }
    }

    /**
     * The breaker's figures.
     *
     * @param window         how many recent borrows count, closed
     * @param minimumCalls   how many must have been counted before the breaker may open
     * @param failurePercent the share of failures that opens it, 1 to 100
     * @param openWait       how long it stays open before a trial
     * @param trialCalls     how many borrows the trial lets through, half-open
     */
    public record Settings(int window, int minimumCalls, int failurePercent, Duration openWait, int trialCalls) {

        /** Checks the figures. */
        public Settings {
            if (window < 1) {
                throw Check.invalid("window", ">= 1", window);
            }
            if (minimumCalls < 1 || minimumCalls > window) {
                throw Check.invalid("minimumCalls", "in [1, window]", minimumCalls);
            }
            if (failurePercent < 1 || failurePercent > 100) {
                throw Check.invalid("failurePercent", "in [1, 100]", failurePercent);
            }
            if (Check.notNull("openWait", openWait).isNegative()) {
                throw Check.invalid("openWait", ">= 0", openWait);
            }
            if (trialCalls < 1) {
                throw Check.invalid("trialCalls", ">= 1", trialCalls);
            }
        }

        /**
         * {@return Understudy's figures: half of the last 20 borrows (at least 5) failing opens the breaker for two
         * probe intervals (at least 1 s), then 2 trial borrows}
         *
         * @param probeInterval the monitor's probe interval: by the end of the open wait, the node was probed
         */
        public static Settings following(Duration probeInterval) {
            Duration twoProbes = probeInterval.multipliedBy(2);
            return new Settings(20, 5, 50, twoProbes.compareTo(Duration.ofSeconds(1)) >= 0 ? twoProbes
                    : Duration.ofSeconds(1), 2);
        }
    }

    private final String name;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<State> onChange;
    private final boolean[] failures;
    private volatile State state = State.CLOSED;
    private int recorded;
    private int next;
    private int failed;
    private long openUntilMillis;
    private int trialPermits;
    private int trialOutcomes;

    /**
     * Creates a closed breaker.
     *
     * @param name     the node, for the log ({@code <dataSource> - <host:port>})
     * @param settings its figures
     * @param clock    the time of the open wait
     * @param onChange told of every change of state, on the thread that caused it; must not throw
     */
    public CircuitBreaker(String name, Settings settings, Clock clock, Consumer<State> onChange) {
        this.name = Check.notNull("name", name);
        this.settings = Check.notNull("settings", settings);
        this.clock = Check.notNull("clock", clock);
        this.onChange = Check.notNull("onChange", onChange);
        this.failures = new boolean[settings.window()];
    }

    /** {@return the current state; an open breaker whose wait is over still says OPEN until a request asks} */
    public State getState() {
        return state;
    }

    /**
     * Asks to borrow: always granted closed; granted open only once the open wait is over (the breaker then turns
     * half-open and this is its first trial); granted half-open while trial permits are left. Pair a granted
     * permission with {@link #onSuccess}, {@link #onError} or {@link #releasePermission}.
     *
     * @return whether the borrow may go ahead
     */
    public boolean tryAcquirePermission() {
        if (state == State.CLOSED) {
            return true;
        }
        synchronized (this) {
            if (state == State.OPEN && clock.millis() >= openUntilMillis) {
                trialPermits = settings.trialCalls();
                trialOutcomes = 0;
                change(State.HALF_OPEN);
            }
            if (state == State.HALF_OPEN && trialPermits > 0) {
                trialPermits--;
                return true;
            }
            return state == State.CLOSED;
        }
    }

    /** Gives back a permission that was not used for a borrow. */
    public synchronized void releasePermission() {
        if (state == State.HALF_OPEN) {
            trialPermits++;
        }
    }

    /**
     * Counts a borrow that succeeded.
     *
     * @param duration how long it took (not used in the decision)
     * @param unit     its unit
     */
    public void onSuccess(long duration, TimeUnit unit) {
        record(false);
    }

    /**
     * Counts a borrow that failed.
     *
     * @param duration how long it took (not used in the decision)
     * @param unit     its unit
     * @param error    why
     */
    public void onError(long duration, TimeUnit unit, Throwable error) {
        record(true);
    }

    /** {@return the failures among the calls in its window (0 when none counted, as after a refused configuration)} */
    synchronized int failedCalls() {
        return failed;
    }

    /** Opens the breaker now, for its open wait (an operator's or a test's decision). */
    public synchronized void transitionToOpenState() {
        open("opened by hand");
    }

    private synchronized void record(boolean failure) {
        switch (state) {
            case CLOSED -> recordClosed(failure);
            case HALF_OPEN -> recordTrial(failure);
            case OPEN -> {
                // a borrow granted before the breaker opened: it no longer counts
            }
        }
    }

    private void recordClosed(boolean failure) {
        if (recorded == failures.length && failures[next]) {
            failed--;
        }
        failures[next] = failure;
        next = (next + 1) % failures.length;
        recorded = Math.min(recorded + 1, failures.length);
        if (failure) {
            failed++;
        }
        if (recorded >= settings.minimumCalls() && failed * 100 >= settings.failurePercent() * recorded) {
            open(failed + " of the last " + recorded + " borrows failed");
        }
    }

    private void recordTrial(boolean failure) {
        if (failure) {
            open("a trial borrow failed");
        } else if (++trialOutcomes >= settings.trialCalls()) {
            recorded = 0;
            next = 0;
            failed = 0;
            change(State.CLOSED);
        }
    }

    private void open(String why) {
        openUntilMillis = clock.millis() + settings.openWait().toMillis();
        if (state != State.OPEN) {
            LOG.warn("{} - circuit breaker open: {}; borrows fail fast for {} ms", name, why,
                    settings.openWait().toMillis());
        }
        change(State.OPEN);
    }

    private void change(State to) {
        State from = state;
        state = to;
        if (from == to) {
            return;
        }
        if (to == State.CLOSED) {
            LOG.info("{} - circuit breaker closed: the trial borrows succeeded", name);
        }
        onChange.accept(to);
    }

    @Override
    public String toString() {
        return name + " circuit breaker " + state;
    }
}
