package io.github.understudy.benchmarks.failover;

import java.util.Arrays;

/** The faults the timing harness repeats, each on a fresh 1+2 cluster under a steady load. */
public enum Fault {

    /** SIGKILL of the master: connections are refused at once. */
    MASTER_KILL("master-kill"),
    /** SIGSTOP of the master: TCP connects succeed, nothing answers; seen only through timeouts. */
    MASTER_HANG("master-hang"),
    /** SIGKILL of a replica that serves reads. */
    REPLICA_KILL("replica-kill"),
    /** A replica falls behind past {@code maxReplicaLag} ({@code MASTER_DELAY}), then catches up. */
    REPLICA_LAG("replica-lag");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    /** @return the name used in options and reports */
    public String label() {
        return label;
    }

    /** @return whether it is a fault of the master (a failover follows) */
    public boolean master() {
        return this == MASTER_KILL || this == MASTER_HANG;
    }

    /**
     * @param label e.g. {@code master-kill}
     * @return that fault
     */
    public static Fault of(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("fault must be one of " + Arrays.stream(values())
                        .map(Fault::label).toList() + ", but was " + label));
    }
}
