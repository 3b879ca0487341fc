package io.github.understudy.internal;

import java.math.BigDecimal;
import java.time.Duration;

/** Short human forms of durations for reasons and log lines: {@code 31s}, {@code 1.5s}, {@code 250ms}. */
final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration the way an operator reads it in a reason such as {@code "lag 31s > max-lag 5s"}.
     *
     * @param duration the duration, or null
     * @return seconds ({@code "31s"}, {@code "1.5s"}) from one second up, milliseconds ({@code "250ms"}) below,
     *     {@code "unknown"} for null
     */
    public static String brief(Duration duration) {
        if (duration == null) {
            return "unknown";
        }
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        if (seconds.abs().compareTo(BigDecimal.ONE) >= 0) {
            return seconds.stripTrailingZeros().toPlainString() + "s";
        }
        return seconds.movePointRight(3).stripTrailingZeros().toPlainString() + "ms";
    }
}
