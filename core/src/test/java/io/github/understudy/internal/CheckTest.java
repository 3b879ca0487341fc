package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void driverTimeoutsAreWholeMillisecondsRoundedUpSoThatNoneBecomesNoTimeout() {
        assertThat(Check.driverMillis(Duration.of(500, ChronoUnit.MICROS))).isEqualTo(1);
        assertThat(Check.driverMillis(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(Check.driverMillis(Duration.ofMillis(1500).plusNanos(1))).isEqualTo(1501);
        assertThat(Check.driverMillis(Duration.ofMillis(250))).isEqualTo(250);
        assertThat(Check.driverMillis(Duration.ZERO)).isZero();
    }

    @Test
    void driverTimeoutsLongerThanConnectorJTakesAreItsLongest() {
        assertThat(Check.driverMillis(Check.MAX_DRIVER_TIMEOUT)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Check.driverMillis(Duration.ofDays(400))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void printableTextIsLeftAlone() {
        String text = "db1:3306 ünïcödé 'quoted' \\n";

        assertThat(Check.printable(text)).isSameAs(text);
        assertThat(Check.printable("a\r\nb\u2028c\u2066d")).isEqualTo("a\\u000d\\u000ab\\u2028c\\u2066d");
    }
}
