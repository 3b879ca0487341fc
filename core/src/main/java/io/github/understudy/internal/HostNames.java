package io.github.understudy.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per server address, so that two spellings of the same address are the same node (and a node
 * listed twice is refused, rather than counted twice in a majority): host names lower-cased, IPv6 addresses in
 * their RFC 5952 form ({@code [0:0:0:0:0:0:0:1]} is {@code [::1]}), IPv4 addresses only as four plain decimal
 * numbers. Nothing is resolved. Only ASCII is accepted, and it is checked before it is lower-cased: Unicode
 * lower-cases some letters to ASCII ({@code U+212A KELVIN SIGN} to {@code k}).
 */
final class HostNames {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_.-]+");

    private HostNames() {
    }

    /** {@return the one spelling of {@code host}, or null when it is no host name, IPv4 or IPv6 address} */
    static String canonical(String host) {
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return null;
        }
        if (NUMERIC.matcher(host).matches()) {
            return ipv4(host) ? host : null; // "127.1" or "010.0.0.1" mean different things to different resolvers
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return false;
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String ipv6(String text) {
        int percent = text.indexOf('%');
        String zone = percent < 0 ? "" : text.substring(percent + 1);
        if (percent >= 0 && !ZONE.matcher(zone).matches()) {
            return null;
        }
        int[] groups = groups(percent < 0 ? text : text.substring(0, percent));
        return groups == null ? null : format(groups) + (percent < 0 ? "" : "%" + zone);
    }

    /** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
    private static int[] groups(String address) {
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap < 0 ? parts(address) : parts(address.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : parts(address.substring(gap + 2));
        if (head == null || tail == null || (gap < 0 && head.length != 8) || (gap >= 0 && head.length
                + tail.length > 7)) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        return groups;
    }

    /** The groups of one side of {@code ::}; a dotted IPv4 address at the end counts as two. */
    private static int[] parts(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] texts = side.split(":", -1);
        String last = texts[texts.length - 1];
        boolean dotted = last.indexOf('.') >= 0;
        int[] parts = new int[texts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < texts.length - (dotted ? 1 : 0); i++) {
            if (!HEX_GROUP.matcher(texts[i]).matches()) {
                return null;
            }
            parts[i] = Integer.parseInt(texts[i], 16);
        }
        if (dotted) {
            if (!ipv4(last)) {
                return null;
            }
            String[] octets = last.split("\\.");
            parts[parts.length - 2] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
            parts[parts.length - 1] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
        }
        return parts;
    }

    /** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups as {@code ::}. */
    private static String format(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i])).append(i < 7 ? ":" : "");
        }
        return text.toString();
    }
}
