package io.github.understudy;

/** What a read may see, relative to the writes of its own logical session. */
public enum Consistency {
    /** Reads go to any healthy replica and may miss the session's latest writes (replication lag). The default. */
    EVENTUAL,
    /**
     * A read sees every write its session made: it goes to a replica that has applied them (known from the monitor,
     * or waited for up to {@code readYourWritesWait}), else to the master. Sessions that wrote nothing read from
     * replicas as usual.
     */
    READ_YOUR_WRITES,
    /** Reads go to the master. */
    STRONG
}
