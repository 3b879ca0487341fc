package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a replica's silence says its source is gone, and how the silence is measured on each server family. */
class SourceSilenceTest {

    private static final Duration QUARTER = Duration.ofMillis(250);
    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void lostAfterTwoPeriodsAndAtLeastTheMarginBeyondOne() {
        assertThat(new SourceSilence(Duration.ofMillis(500), QUARTER).sourceLost()).isFalse();
        assertThat(new SourceSilence(Duration.ofMillis(501), QUARTER).sourceLost()).isTrue();
        // A short period: one period plus the margin counts, not two periods.
        assertThat(new SourceSilence(Duration.ofMillis(300), Duration.ofMillis(100)).sourceLost()).isFalse();
        assertThat(new SourceSilence(Duration.ofMillis(351), Duration.ofMillis(100)).sourceLost()).isTrue();
        assertThat(new SourceSilence(Duration.ofSeconds(59), Duration.ofSeconds(30)).sourceLost()).isFalse();
    }

    @Test
    void neverLostWithoutHeartbeatsAnIdleSourceIsSilentByDesign() {
        assertThat(new SourceSilence(Duration.ofHours(1), Duration.ZERO).sourceLost()).isFalse();
    }

    @Test
    void describesTheSilenceAndThePeriod() {
        assertThat(new SourceSilence(Duration.ofMillis(812), QUARTER).describe())
                .isEqualTo("heard nothing from its source for 0.812 s (heartbeat every 0.25 s)");
        assertThat(new SourceSilence(Duration.ofSeconds(3), Duration.ZERO).describe()).endsWith("(heartbeat off)");
    }

    @Test
    void mysqlSilenceRunsFromTheLaterOfTheLastHeartbeatAndTheLastTransaction() {
        SourceSilence silence = SourceSilence.ofTimestamps("2026-12-05 08:00:00.100000",
                "2026-12-05 08:00:00.400000", "", "2026-12-05 08:00:01.000000", "0.250");

        assertThat(silence).isEqualTo(new SourceSilence(Duration.ofMillis(600), QUARTER));
        assertThat(SourceSilence.ofTimestamps("2026-12-05 08:00:00.900000", "0000-00-00 00:00:00.000000", "",
                "2026-12-05 08:00:01.000000", "0.250").silent()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void mysqlSilenceIsUnknownWhileATransactionArrivesOrBeforeAnythingWasHeard() {
        // A large transaction streams its events with no heartbeat and no end: that is not silence.
        assertThat(SourceSilence.ofTimestamps("2026-12-05 08:00:00.100000", "2026-12-05 08:00:00.100000",
                "3e11fa47-71ca-11e1-9e33-c80aa9429562:7", "2026-12-05 08:00:09.000000", "0.250")).isNull();
        assertThat(SourceSilence.ofTimestamps("0000-00-00 00:00:00.000000", "0000-00-00 00:00:00.000000", "",
                "2026-12-05 08:00:09.000000", "0.250")).isNull();
    }

    @Test
    void aClockBehindTheLastContactMeansNoSilence() {
        assertThat(SourceSilence.ofTimestamps("2026-12-05 08:00:01.500000", "", null, "2026-12-05 08:00:01.000000",
                "1.000").silent()).isZero();
    }

    @Test
    void periodsAreSecondsWithMilliseconds() {
        assertThat(SourceSilence.period("0.250")).isEqualTo(QUARTER);
        assertThat(SourceSilence.period("30.000")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SourceSilence.period("0")).isZero();
        assertThatThrownBy(() -> SourceSilence.period("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a heartbeat period must be a number of seconds, but was 'soon'");
    }

    @Test
    void theWatchCountsSilenceFromTheFirstProbeThatSawTheCountAsItIs() {
        SourceSilence.Watch watch = new SourceSilence.Watch();
        ReplicaStatus running = status(ReplicaStatus.Receiver.RUNNING, 900);

        assertThat(watch.observe(running, beats(7), T0, T0.plusMillis(5)).silent()).isZero();
        // Same count and position at the next probes: silent since the first one was answered.
        assertThat(watch.observe(running, beats(7), T0.plusMillis(500), T0.plusMillis(505)).silent())
                .isEqualTo(Duration.ofMillis(495));
        assertThat(watch.observe(running, beats(7), T0.plusMillis(1000), T0.plusMillis(1005)).sourceLost()).isTrue();
        // A heartbeat arrived: silence starts over.
        assertThat(watch.observe(running, beats(8), T0.plusMillis(1500), T0.plusMillis(1505)).silent()).isZero();
    }

    @Test
    void theWatchSeesEventsAsContactToo() {
        SourceSilence.Watch watch = new SourceSilence.Watch();
        watch.observe(status(ReplicaStatus.Receiver.RUNNING, 900), beats(7), T0, T0);

        // A busy source sends events, not heartbeats: the received position moves.
        assertThat(watch.observe(status(ReplicaStatus.Receiver.RUNNING, 1800), beats(7), T0.plusSeconds(2),
                T0.plusSeconds(2)).silent()).isZero();
    }

    @Test
    void withoutACountTheWatchedPositionAloneProvesNothingButJoinsMySqlsHeartbeats() {
        SourceSilence.Watch watch = new SourceSilence.Watch();
        ReplicaStatus running = status(ReplicaStatus.Receiver.RUNNING, 900);
        watch.observe(running, null, T0, T0);
        SourceSilence position = watch.observe(running, null, T0.plusSeconds(5), T0.plusSeconds(5));

        assertThat(position).isEqualTo(new SourceSilence(Duration.ofSeconds(5), Duration.ZERO));
        assertThat(position.sourceLost()).as("an idle source sends no events").isFalse();
        // An idle MySQL source: its heartbeats are recent, whatever the position says.
        assertThat(position.and(new SourceSilence(Duration.ofMillis(100), QUARTER)))
                .isEqualTo(new SourceSilence(Duration.ofMillis(100), QUARTER));
        // A hung one: both are old, and the shorter counts.
        assertThat(position.and(new SourceSilence(Duration.ofSeconds(9), QUARTER)))
                .isEqualTo(new SourceSilence(Duration.ofSeconds(5), QUARTER));
        assertThat(position.and(null)).isSameAs(position);
    }

    @Test
    void theWatchKnowsNothingWithoutAConnectedReceiver() {
        SourceSilence.Watch watch = new SourceSilence.Watch();
        watch.observe(status(ReplicaStatus.Receiver.RUNNING, 900), beats(7), T0, T0);

        assertThat(watch.observe(status(ReplicaStatus.Receiver.CONNECTING, 900), beats(7), T0.plusSeconds(1),
                T0.plusSeconds(1))).isNull();
        // Connected again with the same count (a restarted receiver counts from 0 up): silence starts over.
        assertThat(watch.observe(status(ReplicaStatus.Receiver.RUNNING, 900), beats(7), T0.plusSeconds(2),
                T0.plusSeconds(2)).silent()).isZero();
        assertThat(watch.observe(null, beats(7), T0.plusSeconds(4), T0.plusSeconds(4))).isNull();
    }

    private static ReplicaStatus.Heartbeats beats(long count) {
        return new ReplicaStatus.Heartbeats(count, QUARTER);
    }

    private static ReplicaStatus status(ReplicaStatus.Receiver receiver, long received) {
        return new ReplicaStatus("db1", 3306, 1, "", receiver, "", true, "", null, true, "",
                new BinlogPosition("mysql-bin.000001", received), null, Duration.ZERO, null, beats(0));
    }
}
