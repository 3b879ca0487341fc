package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.support.Defaults;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How the fleet benchmark runs; see benchmarks/README.md for the options.
 *
 * @param sizes           how many application instances, one point each
 * @param jvms            the most child JVMs the instances are spread over
 * @param faults          what happens to the master at each point
 * @param poolSize        each pool's maximum size (master and replica pools)
 * @param minIdle         each pool's minimum of idle connections
 * @param writesPerSecond each instance's steady writes while a fault runs
 * @param settle          after the instances started, before anything is measured (pools fill)
 * @param window          the steady-state measurement (no load)
 * @param warmUp          load before the fault
 * @param observe         after the fault: counters are compared over it
 * @param timeout         the most to wait for every instance to follow
 * @param firstSeconds    how long after the promotion the promoted node is watched closely
 * @param slowHealthy     a raised {@code healthyProbeInterval} tried at the largest size, ZERO for none
 * @param slowFaults      the faults run with it
 * @param maxConnections  each server's {@code max_connections}
 * @param childJvmOptions the child JVMs' options (comma-separated in the option: {@code -Dbench.args} splits at
 *                        spaces)
 */
record FleetSettings(List<Integer> sizes, int jvms, List<FleetFault> faults, int poolSize, int minIdle,
                     int writesPerSecond, Duration settle, Duration window, Duration warmUp, Duration observe,
                     Duration timeout, Duration firstSeconds, Duration slowHealthy, List<FleetFault> slowFaults,
                     int maxConnections, List<String> childJvmOptions) {

    static final Set<String> OPTIONS = Set.of("sizes", "jvms", "faults", "poolSize", "minIdle", "writesPerSecond",
            "settle", "window", "warmUp", "observe", "timeout", "firstSeconds", "slowHealthy", "slowFaults",
            "maxConnections", "childJvmOptions");

    private static final List<String> ALL_FAULTS = List.of("master-kill", "master-hang", "switchover");

    static FleetSettings of(BenchOptions options) {
        return new FleetSettings(options.integers("sizes", List.of(1, 10, 50, 100)), options.integer("jvms", 4),
                options.words("faults", ALL_FAULTS).stream().map(FleetFault::of).toList(),
                options.integer("poolSize", 2), options.integer("minIdle", 1),
                options.integer("writesPerSecond", 2),
                options.duration("settle", Duration.ofSeconds(5)), options.duration("window", Duration.ofSeconds(10)),
                options.duration("warmUp", Duration.ofSeconds(2)), options.duration("observe", Duration.ofSeconds(10)),
                options.duration("timeout", Duration.ofSeconds(30)),
                options.duration("firstSeconds", Duration.ofSeconds(5)),
                options.duration("slowHealthy", Duration.ofSeconds(2)),
                options.words("slowFaults", ALL_FAULTS).stream().map(FleetFault::of).toList(),
                options.integer("maxConnections", 1000),
                options.words("childJvmOptions", List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
    }

    /** @return Understudy's default {@code healthyProbeInterval}, used at every point but the slow one */
    static Duration defaultHealthy() {
        return Defaults.CONFIG.healthyProbeInterval();
    }

    /** @return Understudy's default {@code probeInterval} */
    static Duration probeInterval() {
        return Defaults.CONFIG.probeInterval();
    }
}
