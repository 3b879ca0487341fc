package io.github.understudy.internal;

import io.github.understudy.InvalidSettingException;

import java.time.Duration;

/**
 * The validation rules shared by the configuration types, so that each rule is worded once:
 * {@code "<setting> must be <rule>, but was <value>"}.
 */
public final class Check {

    /** Connector/J takes its timeouts as an {@code int} of milliseconds. */
    public static final Duration MAX_DRIVER_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /**
     * The longest duration any other setting takes. Longer ones mean nothing for a timer, and overflow the
     * nanosecond arithmetic of deadlines and schedulers, so they are refused where they are set, by name.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

    private static final String MAX_DURATION_RULE = "<= " + MAX_DURATION + " (365 days)";

    private Check() {
    }

    /**
     * Builds the exception for a value that breaks a rule.
     *
     * @param setting the setting's name, e.g. {@code "probeInterval"}
     * @param rule what the value must be, e.g. {@code "> 0"}
     * @param value the rejected value; strings are quoted
     * @return the exception to throw
     */
    public static InvalidSettingException invalid(String setting, String rule, Object value) {
        return invalid(setting, rule, value, "");
    }

    /**
     * Builds the exception for a value that breaks a rule, with more words about the rule.
     *
     * @param detail appended to the message, e.g. {@code ": use lagSource=HEARTBEAT for a finer limit"}
     * @return the exception to throw
     */
    public static InvalidSettingException invalid(String setting, String rule, Object value, String detail) {
        String shown = printable(value instanceof String ? "'" + value + "'" : String.valueOf(value));
        return new InvalidSettingException(setting, rule, shown, detail);
    }

    /**
     * Text as it may appear in a message that ends up in a log: control characters (newlines, escape sequences)
     * and the characters that reorder text are shown as Java escapes (a backslash, {@code u}, four hex digits),
     * so a value cannot forge log lines.
     *
     * @param text any text
     * @return the text, safe to log
     */
    public static String printable(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (hidden && shown == null) {
                shown = new StringBuilder(text.substring(0, i));
            }
            if (shown != null) {
                shown.append(hidden ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return shown == null ? text : shown.toString();
    }

    /**
     * Returns the value unchanged when it passes.
     *
     * @throws NullPointerException naming the setting when it is null
     */
    public static <T> T notNull(String setting, T value) {
        if (value == null) {
            throw new NullPointerException(setting + " must not be null");
        }
        return value;
    }

    /**
     * Returns the value unchanged when it passes.
     *
     * @throws IllegalArgumentException when it is empty or only whitespace
     */
    public static String notBlank(String setting, String value) {
        if (notNull(setting, value).isBlank()) {
            throw invalid(setting, "non-blank", value);
        }
        return value;
    }

    /**
     * Returns the value unchanged when it passes.
     *
     * @throws IllegalArgumentException when it is below {@code min}
     */
    public static int atLeast(String setting, int value, int min) {
        if (value < min) {
            throw invalid(setting, ">= " + min, value);
        }
        return value;
    }

    /**
     * Returns the duration unchanged when it passes.
     *
     * @throws IllegalArgumentException when it is zero or negative, or longer than {@link #MAX_DURATION}
     */
    public static Duration positive(String setting, Duration value) {
        if (notNull(setting, value).isNegative() || value.isZero()) {
            throw invalid(setting, "> 0", value);
        }
        return atMostMax(setting, value);
    }

    /**
     * Returns the duration unchanged when it passes.
     *
     * @throws IllegalArgumentException when it is negative, or longer than {@link #MAX_DURATION}
     */
    public static Duration notNegative(String setting, Duration value) {
        if (notNull(setting, value).isNegative()) {
            throw invalid(setting, ">= 0", value);
        }
        return atMostMax(setting, value);
    }

    private static Duration atMostMax(String setting, Duration value) {
        if (value.compareTo(MAX_DURATION) > 0) {
            throw invalid(setting, MAX_DURATION_RULE, value);
        }
        return value;
    }

    /**
     * Checks a timeout handed to Connector/J, which counts in {@code int} milliseconds.
     *
     * @return the duration
     * @throws IllegalArgumentException when it is zero (unless {@code zeroAllowed}), negative or too large
     */
    public static Duration driverTimeout(String setting, Duration value, boolean zeroAllowed) {
        Duration checked = notNull(setting, value);
        if (checked.isNegative() || (!zeroAllowed && checked.isZero())) {
            throw invalid(setting, zeroAllowed ? ">= 0" : "> 0", value);
        }
        if (checked.compareTo(MAX_DRIVER_TIMEOUT) > 0) {
            throw invalid(setting, "<= " + MAX_DRIVER_TIMEOUT + " (Integer.MAX_VALUE ms)", value);
        }
        return checked;
    }

    /**
     * A timeout as Connector/J takes it: whole milliseconds, rounded up (a sub-millisecond timeout must not
     * become 0, which means "no timeout"), at most {@code Integer.MAX_VALUE}.
     *
     * @param timeout a duration, not negative
     * @return its milliseconds
     */
    public static int driverMillis(Duration timeout) {
        if (timeout.compareTo(MAX_DRIVER_TIMEOUT) >= 0) {
            return Integer.MAX_VALUE;
        }
        long millis = timeout.toMillis();
        return (int) (Duration.ofMillis(millis).equals(timeout) ? millis : millis + 1);
    }
}
