package io.github.understudy;

import io.github.understudy.internal.AddressParser;
import io.github.understudy.internal.Check;

/**
 * The network address of one MySQL or MariaDB server, as configured.
 *
 * <p>Each address has one spelling, so that two spellings of one address are the same node: ASCII host names are
 * lower-cased (DNS names are case-insensitive), IPv6 addresses take their RFC 5952 form ({@code 0:0:0:0:0:0:0:1}
 * is {@code ::1}), and IPv4 addresses are four plain decimal numbers. Names are never resolved, so
 * {@code localhost:3306} and {@code 127.0.0.1:3306} are different nodes.
 *
 * @param host a host name (ASCII letters, digits, {@code _}, {@code .} and {@code -}), an IPv4 address or an IPv6
 *             address (without brackets)
 * @param port the TCP port, 1..65535
 */
public record HostAndPort(String host, int port) {

    /**
     * Creates an address.
     *
     * @throws IllegalArgumentException when the host is not a host name or IP address, or the port is out of range
     * @throws NullPointerException when the host is null
     */
    public HostAndPort {
        String canonical = AddressParser.canonicalHost(Check.notNull("host", host));
        if (canonical == null) {
            throw Check.invalid("host", "a host name, IPv4 address or IPv6 address without brackets", host);
        }
        host = canonical;
        if (port < 1 || port > 65535) {
            throw Check.invalid("port", "in 1..65535", port);
        }
    }

    /**
     * Parses {@code "host:port"}; an IPv6 address is written in brackets, as in {@code "[::1]:3306"}. The port is
     * required: there is no default, so that a configuration says which server it means.
     *
     * @param hostAndPort the text to parse; surrounding whitespace is ignored
     * @return the address
     * @throws IllegalArgumentException naming what was wrong, e.g.
     *     {@code host must be host:port with a port in 1..65535, but was 'db1:99999'}
     * @throws NullPointerException when the text is null
     */
    public static HostAndPort parse(String hostAndPort) {
        return AddressParser.parse("host", hostAndPort);
    }

    /** {@return {@code host:port}, with an IPv6 host in brackets: {@code [::1]:3306}} */
    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
