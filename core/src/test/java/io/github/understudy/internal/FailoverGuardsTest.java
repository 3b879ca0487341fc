package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.FailoverSettings;
import io.github.understudy.PromotionStrategy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FailoverGuardsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final FailoverSettings settings = FailoverSettings.builder().minInterval(Duration.ofSeconds(60)).build();

    @Test
    void aStrategyThatChangesNoServerHoldsBack() {
        FailoverSettings none = FailoverSettings.builder().strategy(PromotionStrategy.none()).build();

        assertThat(FailoverGuards.holdBack(none, null, NOW, 2, 2)).contains("failover.strategy");
        assertThat(FailoverGuards.holdBack(settings, null, NOW, 2, 2)).isEmpty();
    }

    @Test
    void aFailoverWithinTheMinimumIntervalHoldsBack() {
        assertThat(FailoverGuards.holdBack(settings, NOW.minusSeconds(59), NOW, 2, 2)).contains("failover.minInterval");
        assertThat(FailoverGuards.holdBack(settings, NOW.minusSeconds(60), NOW, 2, 2)).isEmpty();
    }

    @Test
    void aMajorityOfTheConfiguredReplicasMustAnswer() {
        assertThat(FailoverGuards.holdBack(settings, null, NOW, 1, 2)).contains("only 1 of 2 replicas answer");
        assertThat(FailoverGuards.holdBack(settings, null, NOW, 2, 3)).isEmpty();
        assertThat(FailoverGuards.holdBack(settings, null, NOW, 1, 1)).isEmpty();
        assertThat(FailoverGuards.holdBack(settings, null, NOW, 2, 4)).contains("majority (3)");
    }
}
