package io.github.understudy.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MariaDB GTID position: the last GTID of each replication domain ({@code 0-1-100,1-2-5}: domain, server_id,
 * sequence number). With {@code gtid_strict_mode} sequence numbers only grow within a domain, whichever server
 * wrote them, so "how far" is a sequence number per domain. Immutable.
 *
 * @param domains domain to its last GTID
 */
record MariaDbPosition(Map<Long, Gtid> domains) {

    static final MariaDbPosition EMPTY = new MariaDbPosition(Map.of());

    /** One GTID. */
    record Gtid(long domain, long serverId, long seq) {
        @Override
        public String toString() {
            return domain + "-" + serverId + "-" + seq;
        }
    }

    MariaDbPosition {
        domains = Collections.unmodifiableMap(new TreeMap<>(domains));
    }

    /**
     * Reads a position as the server prints it.
     *
     * @throws IllegalArgumentException when it is not a GTID position
     */
    static MariaDbPosition parse(String text) {
        String clean = text == null ? "" : text.replace("\n", "").replace(" ", "").trim();
        Map<Long, Gtid> domains = new TreeMap<>();
        if (!clean.isEmpty()) {
            for (String gtid : clean.split(",")) {
                String[] parts = gtid.split("-");
                try {
                    Gtid parsed = new Gtid(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                            Long.parseLong(parts[2]));
                    if (parts.length != 3) {
                        throw new NumberFormatException(gtid);
                    }
                    domains.put(parsed.domain(), parsed);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("a MariaDB GTID position must be domain-server-seq,..., "
                            + "but was '" + text + "'", e);
                }
            }
        }
        return new MariaDbPosition(domains);
    }

    /** {@return the sequence number reached in {@code domain}, -1 when the position has none there} */
    long seq(long domain) {
        Gtid gtid = domains.get(domain);
        return gtid == null ? -1 : gtid.seq();
    }

    /** {@return whether this position is at least as far as {@code other} in every domain of {@code other}} */
    boolean covers(MariaDbPosition other) {
        return other.domains.values().stream().allMatch(gtid -> seq(gtid.domain()) >= gtid.seq());
    }

    /** {@return how far the position has come, summed over domains: one per transaction} */
    long progress() {
        return domains.values().stream().mapToLong(Gtid::seq).sum();
    }

    boolean isEmpty() {
        return domains.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(",", domains.values().stream().map(Gtid::toString).toList());
    }
}
