package io.github.understudy;

/** Where the health monitor reads a replica's lag from. */
public enum LagSource {

    /**
     * The replica's own {@code Seconds_Behind_Master} (or {@code Seconds_Behind_Source}): needs nothing on the
     * server, but counts in whole seconds and reads 0 while the replica's I/O thread is itself behind.
     */
    SECONDS_BEHIND_MASTER,

    /**
     * A heartbeat timestamp written on the master every {@code heartbeatInterval} and read back on each replica:
     * sub-second resolution and end-to-end, but needs a heartbeat table and write access for the admin user.
     */
    HEARTBEAT
}
