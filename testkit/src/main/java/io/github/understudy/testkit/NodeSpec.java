package io.github.understudy.testkit;

import java.nio.file.Path;

/**
 * What one server of a cluster is: its name, id, where it keeps its files, its initial role, whether the cluster
 * replicates semi-synchronously (MariaDB), whether by GTID (MySQL {@code gtid_mode=ON}) or by binary log
 * coordinates, and how many client connections it accepts.
 */
record NodeSpec(String name, long serverId, Path directory, boolean replica, boolean semiSync, boolean gtid,
                int maxConnections) {
}
