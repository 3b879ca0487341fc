package io.github.understudy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Set<String> KNOWN = Set.of("repetitions", "time", "faults");

    @Test
    void readsGivenValuesAndFallsBackToDefaults() {
        BenchOptions options = BenchOptions.parse(new String[] {"--repetitions=2", "--faults=a,b", ""}, KNOWN);

        assertThat(options.integer("repetitions", 10)).isEqualTo(2);
        assertThat(options.words("faults", List.of())).containsExactly("a", "b");
        assertThat(options.duration("time", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void durationsTakeShortUnitsOrIso() {
        assertThat(BenchOptions.parseDuration("t", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchOptions.parseDuration("t", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptions.parseDuration("t", "20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(BenchOptions.parseDuration("t", "PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> BenchOptions.parseDuration("t", "soon"))
                .hasMessage("t must be a duration like 500ms, 30s, 20m or PT30S, but was soon");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--repetition=2"}, KNOWN))
                .hasMessage("option must be one of [faults, repetitions, time], but was --repetition");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"repetitions"}, KNOWN))
                .hasMessageContaining("--key=value");
    }
}
