package io.github.understudy.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * How long a replica has heard nothing from its source: no heartbeat (a source sends one every
 * {@code heartbeatPeriod} while it has no events to send) and no event. A hung master keeps its replicas' connections
 * open, and their receivers show connected until {@code slave_net_timeout} passes; a source silent for two heartbeat
 * periods (and a quarter of a second more than one) has stopped talking to them well before that.
 *
 * <p>Both signals are measured as lower bounds (never more silence than there was). The probes watch the received
 * position from probe to probe, and on MariaDB the heartbeat count with it ({@link Watch}: {@code SHOW ALL SLAVES
 * STATUS} has it). MySQL shows its heartbeats only in {@code performance_schema}, a SELECT that probes must not add to
 * the application's counters, so it is read only while a master is diagnosed: when its receiver last had a heartbeat
 * ({@link #ofTimestamps}), combined with the watched position ({@link #and}).
 *
 * @param silent          how long nothing was heard, at least
 * @param heartbeatPeriod how often the source sends a heartbeat when idle; zero when it sends none
 */
record SourceSilence(Duration silent, Duration heartbeatPeriod) {

    /** Beyond one missed heartbeat: what a live source's scheduling and network may add to its period. */
    static final Duration MARGIN = Duration.ofMillis(250);

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
    private static final String ZERO_DATE = "0000-00-00";

    /** {@return the silence after which the source is lost: twice its period, and at least the margin more} */
    Duration limit() {
        Duration twice = heartbeatPeriod.multipliedBy(2);
        Duration margin = heartbeatPeriod.plus(MARGIN);
        return twice.compareTo(margin) > 0 ? twice : margin;
    }

    /**
     * {@return whether the source has been silent for longer than it promised; never when it sends no heartbeats,
     * since an idle source is then silent by design}
     */
    boolean sourceLost() {
        return heartbeatPeriod.compareTo(Duration.ZERO) > 0 && silent.compareTo(limit()) > 0;
    }

    /** {@return e.g. {@code "heard nothing from its source for 0.812 s (heartbeat every 0.25 s)"}} */
    String describe() {
        return "heard nothing from its source for " + seconds(silent) + " s (heartbeat "
                + (heartbeatPeriod.isZero() ? "off" : "every " + seconds(heartbeatPeriod) + " s") + ")";
    }

    /**
     * {@return the silence of the source's events (this, watched) and of its heartbeats ({@code heartbeats}, read at
     * once): the shorter, with the heartbeats' period; this alone, which then proves nothing, when they are unknown}
     */
    SourceSilence and(SourceSilence heartbeats) {
        if (heartbeats == null) {
            return this;
        }
        return new SourceSilence(silent.compareTo(heartbeats.silent) < 0 ? silent : heartbeats.silent,
                heartbeats.heartbeatPeriod);
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /**
     * From MySQL's {@code performance_schema.replication_connection_status}, all as text on the replica's clock.
     *
     * @param lastHeartbeat {@code LAST_HEARTBEAT_TIMESTAMP}
     * @param lastQueued    {@code LAST_QUEUED_TRANSACTION_END_QUEUE_TIMESTAMP}: the last whole transaction received
     * @param queueing      {@code QUEUEING_TRANSACTION}: a transaction being received now, {@code ""} when none
     * @param now           {@code NOW(6)}
     * @param period        {@code HEARTBEAT_INTERVAL} in seconds
     * @return null when it cannot be told: nothing heard yet, or a transaction still arriving (its events carry no
     *         time, and a large one streams for as long as it takes)
     */
    static SourceSilence ofTimestamps(String lastHeartbeat, String lastQueued, String queueing, String now,
                                      String period) {
        if (queueing != null && !queueing.isBlank()) {
            return null;
        }
        LocalDateTime heard = later(time(lastHeartbeat), time(lastQueued));
        LocalDateTime at = time(now);
        if (heard == null || at == null) {
            return null;
        }
        Duration silent = Duration.between(heard, at);
        return new SourceSilence(silent.isNegative() ? Duration.ZERO : silent, period(period));
    }

    /** A heartbeat period in seconds, as both server families show it ({@code 0.250}). */
    static Duration period(String seconds) {
        try {
            return Duration.ofNanos(new BigDecimal(seconds.trim()).movePointRight(9).longValueExact());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a heartbeat period must be a number of seconds, but was '" + seconds
                    + "'", e);
        }
    }

    private static LocalDateTime time(String text) {
        return text == null || text.isBlank() || text.startsWith(ZERO_DATE) ? null
                : LocalDateTime.parse(text.trim(), TIMESTAMP);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * Follows a replica's received position, and its heartbeat count where the server shows it (MariaDB), from probe
     * to probe. Both only grow while the receiver stays connected, so as long as they are as a probe first saw them,
     * nothing arrived since that probe read them: the silence runs from when that probe was answered to when the
     * current one was asked. Without a heartbeat count the period is zero: an unmoved position alone proves nothing
     * (an idle source sends no events). Not thread-safe: one per node, used by its probes.
     */
    static final class Watch {

        private List<Object> heard;
        private Instant since;

        /** Forgets what was seen: the node failed a probe, and may have restarted its receiver meanwhile. */
        void forget() {
            heard = null;
        }

        /**
         * @param heartbeats the heartbeats counted, null when the server does not say
         * @param asked      when the current probe was sent
         * @param answered   when it was answered
         * @return the silence, null when the receiver is not connected
         */
        SourceSilence observe(ReplicaStatus status, ReplicaStatus.Heartbeats heartbeats, Instant asked,
                              Instant answered) {
            if (status == null || status.receiver() != ReplicaStatus.Receiver.RUNNING) {
                heard = null;
                return null;
            }
            List<Object> now = List.of(status.sourceServerId(), heartbeats == null ? -1L : heartbeats.received(),
                    Objects.toString(status.received()));
            if (!now.equals(heard)) {
                heard = now;
                since = answered;
            }
            Duration silent = Duration.between(since, asked);
            return new SourceSilence(silent.isNegative() ? Duration.ZERO : silent,
                    heartbeats == null ? Duration.ZERO : heartbeats.period());
        }
    }
}
