package io.github.understudy.benchmarks.failover;

/**
 * What the harness measures in one repetition. Times are milliseconds from the moment the fault was injected
 * (for {@link #OUT_OF_ROTATION} from the moment the lag crossed the limit, for the "back" metrics from the
 * moment the lag was removed); counts are counts.
 */
public enum Metric {

    FIRST_FAILURE_SEEN("first failure seen (NodeSuspect/NodeDown)", "ms"),
    DIAGNOSED("diagnosed DEAD_MASTER", "ms"),
    PROMOTED("promoted (new master writable)", "ms"),
    REPOINTED("replicas repointed", "ms"),
    WRITE_UNAVAILABLE("first write on the new master (write-unavailability window)", "ms"),
    EVENT_DETECTION("MasterPromoted.detection (first failed probe → diagnosis)", "ms"),
    EVENT_PROMOTION("MasterPromoted.promotion (diagnosis → writable)", "ms"),
    EVENT_REPOINT("ReplicasRepointed.took", "ms"),
    SLOWEST_WRITE("slowest write (a request stuck on the dead server)", "ms"),
    FAILED_WRITES("failed writes", "count"),
    FAILED_READS("failed reads", "count"),
    SHED("requests not started (all workers busy)", "count"),
    LATE_OLD_MASTER_ACKS("writes acknowledged by the old master after the promotion", "count"),
    NODE_DOWN("replica evicted (NodeDown)", "ms"),
    LAST_READ_ROUTED("last read routed to the killed replica", "ms"),
    LAGGING_EVENT("ReplicaLagging after crossing the limit", "ms"),
    OUT_OF_ROTATION("last read routed to it after crossing the limit (out of rotation)", "ms"),
    CAUGHT_UP_EVENT("ReplicaCaughtUp after the lag was removed", "ms"),
    BACK_IN_ROTATION("first read routed to it after the lag was removed (back)", "ms");

    private final String description;
    private final String unit;

    Metric(String description, String unit) {
        this.description = description;
        this.unit = unit;
    }

    /** @return what it is, for reports */
    public String description() {
        return description;
    }

    /** @return {@code ms} or {@code count} */
    public String unit() {
        return unit;
    }
}
