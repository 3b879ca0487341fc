package io.github.understudy;

/** How a replica finds its place in its source's stream of transactions. */
public enum ReplicationMode {
    /**
     * By GTID (MySQL {@code SOURCE_AUTO_POSITION=1}, MariaDB {@code MASTER_USE_GTID=slave_pos|current_pos}):
     * failover compares and repoints replicas by the transactions they have.
     */
    GTID,
    /**
     * By the source's binary log file and offset (MySQL {@code gtid_mode=OFF}, MariaDB {@code MASTER_USE_GTID=no}):
     * the coordinates of one server mean nothing on another, so failover proves each repoint before it makes it
     * (see the README's "Replication modes").
     */
    POSITION
}
