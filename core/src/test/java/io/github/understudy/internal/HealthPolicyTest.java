package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.UnderstudyConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    @Test
    void comesFromTheConfiguration() {
        UnderstudyConfig config = UnderstudyConfig.builder().hosts("db1:3306").username("app").password("")
                .adminUsername("admin").adminPassword("").failuresToEvict(3).successesToReadmit(4)
                .maxReplicaLag(Duration.ofSeconds(7)).build();

        assertThat(HealthPolicy.of(config)).isEqualTo(new HealthPolicy(3, 4, Duration.ofSeconds(7), true));
    }

    @Test
    void checksItsSettingsWithTheConfigurationsWording() {
        assertThatThrownBy(() -> new HealthPolicy(0, 1, Duration.ZERO))
                .hasMessage("failuresToEvict must be >= 1, but was 0");
        assertThatThrownBy(() -> new HealthPolicy(1, 0, Duration.ZERO))
                .hasMessage("successesToReadmit must be >= 1, but was 0");
        assertThatThrownBy(() -> new HealthPolicy(1, 1, Duration.ofSeconds(-1)))
                .hasMessage("maxReplicaLag must be >= 0, but was PT-1S");
    }

    @Test
    void judgesProbes() {
        HealthPolicy policy = new HealthPolicy(2, 2, Duration.ofMillis(500));

        assertThat(policy.problemOf(ProbeResult.master(1, "", 1))).isEmpty();
        assertThat(policy.problemOf(ProbeResult.replica(Duration.ofMillis(500), 2, "", 1))).isEmpty();
        assertThat(policy.problemOf(ProbeResult.replica(Duration.ofMillis(1500), 2, "", 1)))
                .isEqualTo("lag 1.5s > max-lag 500ms");
        assertThat(policy.problemOf(ProbeResult.replica(null, 2, "", 1))).isEqualTo("lag unknown");
        assertThat(policy.problemOf(ProbeResult.replicationBroken("IO thread stopped", Duration.ZERO, 2, "", 1)))
                .isEqualTo("IO thread stopped");
    }

    @Test
    void aWholeSecondLagAtTheLimitHasReachedIt() {
        HealthPolicy secondsBehindMaster = new HealthPolicy(2, 2, Duration.ofSeconds(5), true);

        assertThat(secondsBehindMaster.problemOf(ProbeResult.replica(Duration.ofSeconds(4), 2, "", 1))).isEmpty();
        assertThat(secondsBehindMaster.problemOf(ProbeResult.replica(Duration.ofSeconds(5), 2, "", 1)))
                .isEqualTo("lag 5s >= max-lag 5s");
        assertThat(new HealthPolicy(2, 2, Duration.ofMillis(5500), true)
                .problemOf(ProbeResult.replica(Duration.ofSeconds(5), 2, "", 1))).isEmpty();
    }

    @Test
    void aFailedProbeIsUnreachableWithUnknownRole() {
        ProbeResult failed = ProbeResult.failed("refused");

        assertThat(failed.reachable()).isFalse();
        assertThat(failed.failure()).isEqualTo("refused");
        assertThat(ProbeResult.master(1, "", 1).reachable()).isTrue();
        assertThatThrownBy(() -> ProbeResult.failed(" ")).hasMessage("reason must be non-blank, but was ' '");
    }
}
