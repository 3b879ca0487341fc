package io.github.understudy.internal;

import io.github.understudy.ConsistencySession;

import java.util.Map;
import java.util.TreeMap;

/**
 * The writes of a logical session, as the last GTID per source: per server UUID on MySQL ({@code m:uuid:N}), per
 * replication domain on MariaDB ({@code d:0-1-N}). Replicas apply each source's transactions in order, so having
 * applied the last one means having applied all of the session's. The token is the entries joined by commas.
 */
public final class TrackedSession implements ConsistencySession {

    private final Map<String, Long> last = new TreeMap<>();
    private final Map<String, String> server = new TreeMap<>();
    /** When the session last wrote where writes carry no GTID (epoch milliseconds), 0 when it never did. */
    private long untrackedAt;

    private TrackedSession() {
    }

    public static TrackedSession parse(String token) {
        TrackedSession session = new TrackedSession();
        if (token == null || token.isBlank()) {
            return session;
        }
        for (String entry : token.split(",")) {
            try {
                if (entry.startsWith("m:")) {
                    session.addMysql(entry.substring(2));
                } else if (entry.startsWith("d:")) {
                    session.addMariadb(entry.substring(2));
                } else if (entry.startsWith("t:")) {
                    session.wroteUntracked(Long.parseLong(entry.substring(2)));
                } else {
                    throw new IllegalArgumentException("unknown kind");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("consistency token must be one Understudy made (m:uuid:N, "
                        + "d:domain-server-N or t:millis entries), but was '" + token + "'", e);
            }
        }
        return session;
    }

    /** A MySQL {@code session_track_gtids=OWN_GTID} value: {@code uuid:N} (several comma-separated at most). */
    public synchronized void addMysql(String gtids) {
        for (String gtid : gtids.split(",")) {
            String[] parts = gtid.trim().split(":");
            String key = "m:" + parts[0].toLowerCase(java.util.Locale.ROOT);
            String[] range = parts[parts.length - 1].split("-");
            last.merge(key, Long.parseLong(range[range.length - 1]), Math::max);
        }
    }

    /** A MariaDB {@code last_gtid} value: {@code domain-server-seq}. */
    public synchronized void addMariadb(String gtid) {
        String[] parts = gtid.trim().split("-");
        String key = "d:" + Long.parseLong(parts[0]);
        long seq = Long.parseLong(parts[2]);
        if (last.merge(key, seq, Math::max) == seq) {
            server.put(key, parts[1]);
        }
    }

    /**
     * Records a write on a server whose writes carry no GTID (MySQL {@code gtid_mode=OFF}) at {@code millis}: reads
     * cannot be matched to a replica that has it, only sent to the master for a while.
     */
    public synchronized void wroteUntracked(long millis) {
        untrackedAt = Math.max(untrackedAt, millis);
    }

    /** {@return whether the session wrote without a GTID less than {@code window} before {@code nowMillis}} */
    public synchronized boolean wroteUntrackedWithin(long nowMillis, java.time.Duration window) {
        return untrackedAt > 0 && nowMillis - untrackedAt < window.toMillis();
    }

    /**
     * Whether a node's GTID position (from its probe) includes every write of this session.
     *
     * @param position MySQL {@code gtid_executed} or MariaDB {@code gtid_current_pos}
     */
    public synchronized boolean coveredBy(String position) {
        for (Map.Entry<String, Long> entry : last.entrySet()) {
            String key = entry.getKey();
            boolean covered = key.startsWith("m:") ? Gtids.mysqlContains(position, key.substring(2), entry.getValue())
                    : Gtids.mariadbSeq(position, Long.parseLong(key.substring(2))) >= entry.getValue();
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** What to wait for on a replica: a MySQL GTID set or a MariaDB position. */
    public synchronized String waitPosition() {
        StringBuilder position = new StringBuilder();
        last.forEach((key, seq) -> {
            position.append(position.length() == 0 ? "" : ",");
            position.append(key.startsWith("m:") ? key.substring(2) + ":" + seq
                    : key.substring(2) + "-" + server.getOrDefault(key, "0") + "-" + seq);
        });
        return position.toString();
    }

    @Override
    public synchronized String token() {
        StringBuilder token = new StringBuilder();
        last.forEach((key, seq) -> token.append(token.length() == 0 ? "" : ",").append(key.startsWith("m:")
                ? key + ":" + seq : "d:" + key.substring(2) + "-" + server.getOrDefault(key, "0") + "-" + seq));
        if (untrackedAt > 0) {
            token.append(token.length() == 0 ? "" : ",").append("t:").append(untrackedAt);
        }
        return token.toString();
    }

    @Override
    public synchronized boolean wrote() {
        return !last.isEmpty() || untrackedAt > 0;
    }

    @Override
    public String toString() {
        return "ConsistencySession[" + token() + "]";
    }
}
