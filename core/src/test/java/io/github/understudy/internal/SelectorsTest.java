package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaSelector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"round-robin", "random", "least-in-flight", "lowest-latency"})
    void namedReturnsTheBuiltInOfThatName(String name) {
        assertThat(ReplicaSelector.named(name)).hasToString(name);
        assertThat(ReplicaSelector.named(" " + name.toUpperCase() + " ")).hasToString(name);
    }

    @Test
    void namedReturnsANewInstanceEachTime() {
        assertThat(ReplicaSelector.named("round-robin")).isNotSameAs(ReplicaSelector.named("round-robin"));
    }

    @Test
    void namedRejectsUnknownNamesListingTheChoices() {
        assertThatThrownBy(() -> ReplicaSelector.named("fastest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readStrategy must be one of [round-robin, random, least-in-flight, lowest-latency], "
                        + "but was 'fastest'");
    }

    @Test
    void namedExplainsThatWeightedNeedsWeights() {
        assertThatThrownBy(() -> ReplicaSelector.named("weighted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but was 'weighted'")
                .hasMessageContaining("use ReplicaSelector.weighted(Map)");
    }

    @Test
    void namedRejectsNull() {
        assertThatThrownBy(() -> ReplicaSelector.named(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("readStrategy must not be null");
    }

    @Test
    void factoriesBuildTheBuiltIns() {
        assertThat(ReplicaSelector.roundRobin()).hasToString("round-robin");
        assertThat(ReplicaSelector.random()).hasToString("random");
        assertThat(ReplicaSelector.leastInFlight()).hasToString("least-in-flight");
        assertThat(ReplicaSelector.lowestLatency()).hasToString("lowest-latency");
    }

    @Test
    void onlyTheWeightedSelectorNamesNodes() {
        HostAndPort db1 = HostAndPort.parse("db1:3306");

        assertThat(Selectors.nodesNamedBy(ReplicaSelector.weighted(Map.of(db1, 2)))).containsExactly(db1);
        assertThat(Selectors.nodesNamedBy(ReplicaSelector.roundRobin())).isEmpty();
    }
}
