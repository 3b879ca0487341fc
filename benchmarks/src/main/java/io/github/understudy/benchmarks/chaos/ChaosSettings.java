package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.BenchOptions;

import java.time.Duration;
import java.util.Set;

/**
 * How a chaos run goes. Everything is bounded: total time, number of faults, each fault's hold and each wait.
 *
 * @param seed            the seed of every random choice (the same seed picks the same faults in the same order)
 * @param duration        how long faults keep coming
 * @param maxFaults       the most faults in the run
 * @param instances       Understudy DataSources on the cluster, as several application instances would have
 * @param replicas        replicas in the cluster
 * @param semiSync        whether replication is semi-synchronous (then no acknowledged write may be lost)
 * @param writesPerSecond writes per second per instance
 * @param readsPerSecond  reads per second per instance
 * @param maxHold         the longest a fault lasts before it is healed (at least 1 s)
 * @param settleTimeout   the longest to wait for the cluster to settle after a fault
 * @param masterHang      whether master hangs are among the faults
 * @param gtid            whether replication positions by GTID; false: by binary log coordinates (MySQL
 *                        {@code gtid_mode=OFF}, MariaDB {@code MASTER_USE_GTID=no})
 */
public record ChaosSettings(long seed, Duration duration, int maxFaults, int instances, int replicas,
                            boolean semiSync, int writesPerSecond, int readsPerSecond, Duration maxHold,
                            Duration settleTimeout, boolean masterHang, boolean gtid) {

    /** The keys {@link #of(BenchOptions)} reads. */
    public static final Set<String> OPTIONS = Set.of("seed", "duration", "maxFaults", "instances", "replicas",
            "semiSync", "writesPerSecond", "readsPerSecond", "maxHold", "settleTimeout", "masterHang", "gtid");

    /**
     * @param options the command's options; the defaults are the long run's
     * @return the settings
     */
    public static ChaosSettings of(BenchOptions options) {
        return new ChaosSettings(options.number("seed", 1), options.duration("duration", Duration.ofMinutes(30)),
                options.integer("maxFaults", 1000), options.integer("instances", 3), options.integer("replicas", 2),
                options.flag("semiSync", true), options.integer("writesPerSecond", 30),
                options.integer("readsPerSecond", 30), options.duration("maxHold", Duration.ofSeconds(8)),
                options.duration("settleTimeout", Duration.ofSeconds(30)), options.flag("masterHang", true),
                options.flag("gtid", true));
    }

    /**
     * @param seed     the seed
     * @param duration how long faults keep coming
     * @return the short run of CI: 2 instances, semi-sync, at most 12 faults
     */
    public static ChaosSettings ci(long seed, Duration duration) {
        return new ChaosSettings(seed, duration, 12, 2, 2, true, 30, 30, Duration.ofSeconds(6),
                Duration.ofSeconds(30), true, true);
    }

    /** {@return the same settings on a cluster that replicates by binary log coordinates} */
    public ChaosSettings withoutGtid() {
        return new ChaosSettings(seed, duration, maxFaults, instances, replicas, semiSync, writesPerSecond,
                readsPerSecond, maxHold, settleTimeout, masterHang, false);
    }
}
