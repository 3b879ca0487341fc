package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

/** Parses {@code host:port} text, naming the setting it came from in errors. */
public final class AddressParser {

    private static final String PORT_RULE = "host:port with a port in 1..65535";
    private static final String HOST_RULE = "host:port with a host name, IPv4 address or [IPv6] address";

    private AddressParser() {
    }

    /**
     * Parses {@code "host:port"} or {@code "[ipv6]:port"}; surrounding whitespace is ignored.
     *
     * @param setting the setting named in errors, e.g. {@code "hosts[1]"}
     * @param text the text to parse
     * @return the address
     * @throws IllegalArgumentException e.g. {@code hosts[1] must be host:port with a port in 1..65535, but was
     *     'db1:99999'}
     */
    public static HostAndPort parse(String setting, String text) {
        String trimmed = Check.notNull(setting, text).strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            throw Check.invalid(setting, PORT_RULE, text);
        }
        int port = parsePort(setting, trimmed.substring(colon + 1), text);
        String host = unbracket(trimmed.substring(0, colon));
        if (host == null || host.contains(":") != trimmed.startsWith("[")) {
            throw Check.invalid(setting, HOST_RULE, text);
        }
        try {
            return new HostAndPort(host, port);
        } catch (IllegalArgumentException e) {
            throw Check.invalid(setting, HOST_RULE, text);
        }
    }

    /**
     * The one spelling of a host: {@link HostNames}.
     *
     * @param host a host name or IP address, IPv6 without brackets
     * @return its canonical spelling, or null when it is none of these
     */
    public static String canonicalHost(String host) {
        return HostNames.canonical(host);
    }

    private static int parsePort(String setting, String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw Check.invalid(setting, PORT_RULE, text);
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw Check.invalid(setting, PORT_RULE, text);
        }
        return port;
    }

    /** {@return the host without its IPv6 brackets, or null when the brackets do not match} */
    private static String unbracket(String host) {
        boolean open = host.startsWith("[");
        if (open != host.endsWith("]")) {
            return null;
        }
        return open ? host.substring(1, host.length() - 1) : host;
    }
}
