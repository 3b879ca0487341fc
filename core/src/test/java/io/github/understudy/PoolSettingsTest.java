package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    @Test
    void hasDocumentedDefaults() {
        assertThat(PoolSettings.defaults()).isEqualTo(new PoolSettings(10, 2, Duration.ofMillis(250),
                Duration.ofMinutes(10), Duration.ofMinutes(30)));
    }

    @Test
    void buildsWhatWasSet() {
        PoolSettings settings = PoolSettings.builder().maximumPoolSize(4).minimumIdle(0)
                .connectionTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ZERO).maxLifetime(Duration.ZERO)
                .build();

        assertThat(settings).isEqualTo(new PoolSettings(4, 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void eachSetterChecksItsValueAndKeepsTheOldOneWhenBad() {
        PoolSettings.Builder builder = PoolSettings.builder();

        assertThatThrownBy(() -> builder.maximumPoolSize(0)).hasMessage("maximumPoolSize must be >= 1, but was 0");
        assertThatThrownBy(() -> builder.minimumIdle(-1)).hasMessage("minimumIdle must be >= 0, but was -1");
        assertThatThrownBy(() -> builder.connectionTimeout(Duration.ofMillis(100)))
                .hasMessage("connectionTimeout must be >= PT0.25S (HikariCP's minimum), but was PT0.1S");
        assertThatThrownBy(() -> builder.idleTimeout(Duration.ofSeconds(5)))
                .hasMessage("idleTimeout must be 0 (never) or >= PT10S (HikariCP's minimum), but was PT5S");
        assertThatThrownBy(() -> builder.maxLifetime(Duration.ofSeconds(10)))
                .hasMessage("maxLifetime must be 0 (no limit) or >= PT30S (HikariCP's minimum), but was PT10S");
        assertThatThrownBy(() -> builder.connectionTimeout(null))
                .isInstanceOf(NullPointerException.class).hasMessage("connectionTimeout must not be null");

        assertThat(builder.build()).isEqualTo(PoolSettings.defaults());
    }

    @Test
    void minimumIdleMayNotExceedTheMaximum() {
        assertThatThrownBy(() -> PoolSettings.builder().maximumPoolSize(4).minimumIdle(5).build())
                .hasMessage("minimumIdle must be <= maximumPoolSize (4), but was 5");
    }

    @Test
    void maxLifetimeMustOutliveIdleTimeoutUnlessEitherIsZero() {
        assertThatThrownBy(() -> PoolSettings.builder().idleTimeout(Duration.ofMinutes(10))
                .maxLifetime(Duration.ofMinutes(10)).build())
                .hasMessage("maxLifetime must be > idleTimeout (PT10M) or 0, but was PT10M");
        assertThat(PoolSettings.builder().idleTimeout(Duration.ZERO).maxLifetime(Duration.ofMinutes(1)).build())
                .isNotNull();
        assertThat(PoolSettings.builder().maxLifetime(Duration.ZERO).build().maxLifetime()).isZero();
    }

    @Test
    void theConstructorChecksLikeTheBuilder() {
        assertThatThrownBy(() -> new PoolSettings(0, 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO))
                .hasMessage("maximumPoolSize must be >= 1, but was 0");
    }
}
