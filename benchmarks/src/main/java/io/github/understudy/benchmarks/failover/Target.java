package io.github.understudy.benchmarks.failover;

import io.github.understudy.benchmarks.results.Summary;

import java.util.List;
import java.util.Locale;

/**
 * A target of the issue, checked against the summary of a metric over the repetitions.
 *
 * @param fault     the fault it is about
 * @param metric    the metric
 * @param statistic {@code median} or {@code max}
 * @param limit     the largest value that meets it
 */
record Target(Fault fault, Metric metric, String statistic, double limit) {

    /** The targets at the default settings. */
    static final List<Target> DEFAULTS = List.of(
            new Target(Fault.MASTER_KILL, Metric.WRITE_UNAVAILABLE, "median", 200),
            new Target(Fault.MASTER_KILL, Metric.WRITE_UNAVAILABLE, "max", 2000),
            new Target(Fault.MASTER_HANG, Metric.WRITE_UNAVAILABLE, "median", 2000),
            new Target(Fault.REPLICA_KILL, Metric.FAILED_READS, "max", 0),
            new Target(Fault.REPLICA_LAG, Metric.OUT_OF_ROTATION, "max", 1000));

    /** @return e.g. {@code median ≤ 1000 ms} */
    String describe() {
        return statistic + " ≤ " + (long) limit + ("ms".equals(metric.unit()) ? " ms" : "");
    }

    /**
     * @param summary the metric over the repetitions
     * @return "met", "missed by …", or why it could not be judged
     */
    String verdict(Summary summary) {
        if (summary.missing() > 0) {
            return "missed: the phase did not happen in " + summary.missing() + " of " + summary.count()
                    + " repetitions";
        }
        double value = "median".equals(statistic) ? summary.median() : summary.max();
        if (Double.isNaN(value)) {
            return "not measured";
        }
        if (value <= limit) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %.0f %s", value - limit, metric.unit());
    }
}
