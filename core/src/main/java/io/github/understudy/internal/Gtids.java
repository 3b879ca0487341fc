package io.github.understudy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read-your-writes checks on the request path: whether a position holds one transaction. A scan of the text,
 * without building the whole set ({@link GtidSet} and {@link MariaDbPosition} serve failover).
 */
final class Gtids {

    private Gtids() {
    }

    /** MariaDB: the sequence number of a position in {@code domain}, -1 when it has none. */
    static long mariadbSeq(String position, long domain) {
        return MariaDbPosition.parse(position).seq(domain);
    }

    /** MySQL: whether a GTID set holds transaction {@code n} of server {@code uuid}. */
    static boolean mysqlContains(String set, String uuid, long n) {
        for (String entry : split(set)) {
            String[] parts = entry.split(":");
            if (!parts[0].equalsIgnoreCase(uuid)) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String[] range = parts[i].split("-");
                long from = Long.parseLong(range[0]);
                long to = range.length == 2 ? Long.parseLong(range[1]) : from;
                if (n >= from && n <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] split(String set) {
        String clean = set == null ? "" : set.replace("\n", "").trim();
        return clean.isEmpty() ? new String[0] : clean.split("\\s*,\\s*");
    }
}
