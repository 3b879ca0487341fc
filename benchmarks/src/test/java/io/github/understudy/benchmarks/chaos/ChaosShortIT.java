package io.github.understudy.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.testkit.Engine;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The short chaos run of CI: the same runner and checker as the long command ({@code Bench chaos}), seeded, on
 * MariaDB with semi-sync, so that "every acknowledged write is on the final master exactly once" is a hard rule.
 * It asserts correctness only, never timing. The report goes to {@code target/chaos-short/}.
 */
class ChaosShortIT {

    private static final long SEED = 20261124L;

    @Test
    void aSeededRunOfFaultsLosesNoAcknowledgedWriteHasOneWriterAndLeaksNothing() {
        ChaosRunner.Result result = ChaosRunner.run(ChaosSettings.ci(SEED, Duration.ofSeconds(80)), Engine.mariadb());
        ChaosReport.of("chaos-short", result).write(Path.of("target", "chaos-short"));

        assertThat(result.faults()).as("faults applied").isPositive();
        assertThat(result.acknowledgedWrites()).as("acknowledged writes checked").isPositive();
        assertThat(result.violations()).as("violations (see target/chaos-short/chaos-short.md)").isEmpty();
    }

    /** The same on a cluster that replicates by binary log coordinates (MariaDB {@code MASTER_USE_GTID=no}). */
    @Test
    void aSeededRunWithoutGtidPositioningLosesNothingEither() {
        ChaosRunner.Result result = ChaosRunner.run(ChaosSettings.ci(SEED, Duration.ofSeconds(60)).withoutGtid(),
                Engine.mariadb());
        ChaosReport.of("chaos-short-position", result).write(Path.of("target", "chaos-short"));

        assertThat(result.faults()).as("faults applied").isPositive();
        assertThat(result.acknowledgedWrites()).as("acknowledged writes checked").isPositive();
        assertThat(result.violations()).as("violations (see target/chaos-short/chaos-short-position.md)").isEmpty();
    }
}
