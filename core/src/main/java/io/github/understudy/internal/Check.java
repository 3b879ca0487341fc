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
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return new InvalidSettingException(setting, rule, shown, detail);
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
     * @throws IllegalArgumentException when it is zero or negative
     */
    public static Duration positive(String setting, Duration value) {
        if (notNull(setting, value).isNegative() || value.isZero()) {
            throw invalid(setting, "> 0", value);
        }
        return value;
    }

    /**
     * Returns the duration unchanged when it passes.
     *
     * @throws IllegalArgumentException when it is negative
     */
    public static Duration notNegative(String setting, Duration value) {
        if (notNull(setting, value).isNegative()) {
            throw invalid(setting, ">= 0", value);
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
        Duration checked = zeroAllowed ? notNegative(setting, value) : positive(setting, value);
        if (checked.compareTo(MAX_DRIVER_TIMEOUT) > 0) {
            throw invalid(setting, "<= " + MAX_DRIVER_TIMEOUT + " (Integer.MAX_VALUE ms)", value);
        }
        return checked;
    }
}
