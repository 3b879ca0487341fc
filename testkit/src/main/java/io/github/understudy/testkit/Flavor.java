package io.github.understudy.testkit;

/** The server family: the two differ in replication statements, GTID format and privileges. */
public enum Flavor {
    /** MariaDB 10.6+ / 11.x: domain-based GTIDs, {@code MASTER_USE_GTID}, no {@code super_read_only}. */
    MARIADB,
    /** MySQL 8.0+: UUID-based GTID sets, {@code MASTER_AUTO_POSITION}, {@code super_read_only}. */
    MYSQL
}
