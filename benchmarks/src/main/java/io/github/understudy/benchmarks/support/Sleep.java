package io.github.understudy.benchmarks.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for the harnesses: every wait has a deadline. */
public final class Sleep {

    private Sleep() {
    }

    /** @param millis how long to sleep; an interrupt ends the sleep and is kept */
    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Polls {@code condition} every 20 ms until it holds or {@code timeout} passes.
     *
     * @param timeout   the most to wait
     * @param condition what to wait for
     * @return whether it held
     */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        return until(timeout, 20, condition);
    }

    /**
     * Polls {@code condition} every {@code everyMillis} until it holds or {@code timeout} passes.
     *
     * @param timeout     the most to wait
     * @param everyMillis the pause between two polls
     * @param condition   what to wait for
     * @return whether it held
     */
    public static boolean until(Duration timeout, long everyMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            millis(everyMillis);
        }
        return condition.getAsBoolean();
    }
}
