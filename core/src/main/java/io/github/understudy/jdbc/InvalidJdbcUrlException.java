package io.github.understudy.jdbc;

import java.sql.SQLNonTransientConnectionException;

/**
 * A {@code jdbc:understudy:} URL, or a {@code Properties} entry given with it, breaks a rule: the message names the
 * parameter, the rule and the value, e.g. {@code URL parameter probe-interval is invalid: probeInterval must be > 0,
 * but was PT0S}; the parts are available too, so that a tool can point at the parameter without reading the message.
 * A secret's value is never shown: it reads {@code ****}.
 * <p>
 * SQLState {@value #SQL_STATE} (no connection was made). Non-transient: the same URL fails the same way until it is
 * fixed, so a pool should not retry it.
 */
public final class InvalidJdbcUrlException extends SQLNonTransientConnectionException {

    /** The SQLState of this exception: SQL-client unable to establish SQL-connection. */
    public static final String SQL_STATE = "08001";

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String rule;
    private final String value;

    /**
     * Creates the exception.
     *
     * @param message   the whole message, naming the parameter, the rule and the value
     * @param parameter the parameter as it was written ({@code probe-interval}), or the part of the URL
     *                  ({@code hosts}, {@code database}, {@code url})
     * @param rule      what the value must be, e.g. {@code "> 0"}
     * @param value     the rejected value as shown in the message, {@code ****} for a secret
     * @param cause     core's {@link io.github.understudy.InvalidSettingException}, or null
     */
    public InvalidJdbcUrlException(String message, String parameter, String rule, String value, Throwable cause) {
        super(message, SQL_STATE, cause);
        this.parameter = parameter;
        this.rule = rule;
        this.value = value;
    }

    /** {@return the parameter as it was written, or {@code hosts}, {@code database}, {@code url} for parts of it} */
    public String parameter() {
        return parameter;
    }

    /** {@return what the value must be} */
    public String rule() {
        return rule;
    }

    /** {@return the rejected value as shown in the message} */
    public String value() {
        return value;
    }
}
