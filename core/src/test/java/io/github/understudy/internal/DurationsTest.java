package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void printsSecondsFromOneSecondUpAndMillisecondsBelow() {
        assertThat(Durations.brief(Duration.ofSeconds(31))).isEqualTo("31s");
        assertThat(Durations.brief(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.brief(Duration.ofMinutes(2))).isEqualTo("120s");
        assertThat(Durations.brief(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.brief(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
        assertThat(Durations.brief(Duration.ZERO)).isEqualTo("0ms");
        assertThat(Durations.brief(null)).isEqualTo("unknown");
    }
}
