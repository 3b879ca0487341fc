package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.testkit.Engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long chaos run: {@link ChaosRunner} with the command's settings; writes {@code chaos.json}/{@code chaos.md}
 * and exits with status 1 when the checker found a violation.
 */
public final class ChaosMain {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosMain.class);

    private ChaosMain() {
    }

    /**
     * @param args {@code --key=value} options; see benchmarks/README.md
     * @return 0 when the run is correct, 1 otherwise
     */
    public static int run(String[] args) {
        ChaosSettings settings = ChaosSettings.of(BenchOptions.parse(args, ChaosSettings.OPTIONS));
        ChaosRunner.Result result = ChaosRunner.run(settings, Engine.fromSystemProperty());
        Report report = ChaosReport.of("chaos", result);
        LOG.info("chaos results written to {}", report.write());
        System.out.println(report.markdown());
        return result.violations().isEmpty() ? 0 : 1;
    }
}
