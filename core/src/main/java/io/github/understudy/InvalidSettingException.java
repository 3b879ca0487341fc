package io.github.understudy;

/**
 * A setting's value breaks one of its rules. The message says
 * {@code "<setting> must be <rule>, but was <value>"}; the parts are available as well, so that a framework can
 * name its own property for the setting (Spring's {@code understudy.probe-interval}, a URL's parameter) without
 * reading the message.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String rule;
    private final String value;

    /**
     * Creates the exception.
     *
     * @param setting the setting, as the builder names it, e.g. {@code "probeInterval"} or
     *                {@code "failover.minInterval"}
     * @param rule    what the value must be, e.g. {@code "> 0"}
     * @param value   the rejected value as shown in the message (strings quoted)
     * @param detail  more about the rule, appended to the message, or {@code ""}
     */
    public InvalidSettingException(String setting, String rule, String value, String detail) {
        super(setting + " must be " + rule + ", but was " + value + (detail.isEmpty() ? "" : detail));
        this.setting = setting;
        this.rule = rule;
        this.value = value;
    }

    /** {@return the setting, as the builder names it, e.g. {@code "probeInterval"}} */
    public String setting() {
        return setting;
    }

    /** {@return what the value must be, e.g. {@code "> 0"}} */
    public String rule() {
        return rule;
    }

    /** {@return the rejected value, as shown in the message} */
    public String value() {
        return value;
    }
}
