package io.github.understudy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reading GTID positions: MySQL sets ({@code uuid:1-5:7,uuid2:1-3}) and MariaDB positions ({@code 0-1-100,1-2-5}). */
final class Gtids {

    private Gtids() {
    }

    /** MariaDB: domain to {server_id, seq_no} of the last GTID in that domain. */
    static Map<Long, long[]> mariadb(String position) {
        Map<Long, long[]> domains = new LinkedHashMap<>();
        for (String gtid : split(position)) {
            String[] parts = gtid.split("-");
            if (parts.length == 3) {
                domains.put(Long.parseLong(parts[0]), new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return domains;
    }

    /** MariaDB: how far a position has come, summed over domains (seq_no grows by one per transaction). */
    static long mariadbProgress(String position) {
        return mariadb(position).values().stream().mapToLong(gtid -> gtid[1]).sum();
    }

    /**
     * MariaDB: the GTIDs of {@code candidate} that its master never had: a last GTID in a domain from another server
     * than the master's, beyond the master's last known one (or in a domain the master has nothing in).
     */
    static String mariadbErrant(String candidate, String masterKnown) {
        Map<Long, long[]> master = mariadb(masterKnown);
        StringBuilder errant = new StringBuilder();
        mariadb(candidate).forEach((domain, gtid) -> {
            long[] known = master.get(domain);
            if (known == null || gtid[0] != known[0] && gtid[1] > known[1]) {
                errant.append(errant.length() == 0 ? "" : ",").append(domain).append('-').append(gtid[0]).append('-')
                        .append(gtid[1]);
            }
        });
        return errant.toString();
    }

    /** MariaDB: the last GTIDs of {@code position} with a sequence number beyond {@code reference}'s in their domain. */
    static String mariadbBeyond(String position, String reference) {
        Map<Long, long[]> known = mariadb(reference);
        StringBuilder beyond = new StringBuilder();
        mariadb(position).forEach((domain, gtid) -> {
            long[] limit = known.get(domain);
            if (limit == null || gtid[1] > limit[1]) {
                beyond.append(beyond.length() == 0 ? "" : ",").append(domain).append('-').append(gtid[0]).append('-')
                        .append(gtid[1]);
            }
        });
        return beyond.toString();
    }

    /** MariaDB: the sequence number of a position in {@code domain}, -1 when it has none. */
    static long mariadbSeq(String position, long domain) {
        long[] gtid = mariadb(position).get(domain);
        return gtid == null ? -1 : gtid[1];
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

    /** MySQL: how many transactions a GTID set holds. */
    static long mysqlCount(String set) {
        long count = 0;
        for (String entry : split(set)) {
            String[] parts = entry.split(":");
            for (int i = 1; i < parts.length; i++) {
                String[] range = parts[i].split("-");
                long from = Long.parseLong(range[0]);
                count += (range.length == 2 ? Long.parseLong(range[1]) : from) - from + 1;
            }
        }
        return count;
    }

    /** MySQL: the entries of a set whose server UUID is not {@code uuid}. */
    static String mysqlWithout(String set, String uuid) {
        StringBuilder rest = new StringBuilder();
        for (String entry : split(set)) {
            if (uuid == null || !entry.toLowerCase(java.util.Locale.ROOT).startsWith(uuid.toLowerCase(java.util.Locale.ROOT))) {
                rest.append(rest.length() == 0 ? "" : ",").append(entry);
            }
        }
        return rest.toString();
    }

    private static String[] split(String set) {
        String clean = set == null ? "" : set.replace("\n", "").trim();
        return clean.isEmpty() ? new String[0] : clean.split("\\s*,\\s*");
    }
}
