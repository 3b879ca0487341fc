package io.github.understudy;

/** The replication role of a node, as configured or as last seen by a probe. */
public enum Role {

    /** Takes writes: {@code read_only} is off and it does not replicate from another node. */
    MASTER,

    /** Replicates from another node, or is read-only. */
    REPLICA,

    /** Not known yet: the node has not answered a probe. */
    UNKNOWN
}
