package io.github.understudy.benchmarks;

import io.github.understudy.benchmarks.chaos.ChaosMain;
import io.github.understudy.benchmarks.failover.FailoverMain;
import io.github.understudy.benchmarks.fleet.FleetMain;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.benchmarks.routing.RoutingMain;
import io.github.understudy.benchmarks.scale.ScaleMain;

import java.util.Arrays;

/**
 * The one entry point of the benchmark commands: {@code Bench <routing|failover|chaos|scale|fleet> [--key=value...]}.
 * Each writes {@code <name>.json} and {@code <name>.md} to the results directory; see {@code benchmarks/README.md}.
 */
public final class Bench {

    private Bench() {
    }

    /**
     * @param args the benchmark's name, then its options
     * @throws Exception when the benchmark fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no benchmark named");
        }
        Report.markStart();
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        int status = switch (args[0]) {
            case "routing" -> RoutingMain.run(options);
            case "failover" -> FailoverMain.run(options);
            case "chaos" -> ChaosMain.run(options);
            case "scale" -> ScaleMain.run(options);
            case "fleet" -> FleetMain.run(options);
            default -> usage("benchmark must be one of routing, failover, chaos, scale, fleet, but was " + args[0]);
        };
        // Daemon threads of closed DataSources and clusters may linger a moment; the results are written.
        System.exit(status);
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Bench <routing|failover|chaos|scale|fleet> [--key=value ...]; see benchmarks/README.md");
        System.exit(2);
        return 2;
    }
}
