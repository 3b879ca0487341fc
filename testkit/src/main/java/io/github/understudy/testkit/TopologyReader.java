package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.Jdbc;
import io.github.understudy.testkit.internal.ReplicationSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Asks each server what it is: read_only, whom it replicates from, how its threads are, its GTIDs. */
final class TopologyReader {

    private final ReplicationCluster cluster;
    private final ReplicationSql sql;

    TopologyReader(ReplicationCluster cluster) {
        this.cluster = cluster;
        this.sql = cluster.sql();
    }

    ServerTopology read(List<ClusterNode> nodes) {
        return new ServerTopology(nodes.stream().map(this::report).collect(Collectors.toList()));
    }

    private NodeReport report(ClusterNode node) {
        if (!node.isRunning()) {
            return NodeReport.notServing(node.name(), "stopped");
        }
        if (node.isPaused()) {
            return NodeReport.notServing(node.name(), "paused");
        }
        try (Connection connection = cluster.openDirect(node, Duration.ofSeconds(5))) {
            boolean mysql = cluster.flavor() == Flavor.MYSQL;
            Map<String, Object> vars = Jdbc.query(connection, "SELECT @@server_id AS id, @@read_only AS ro, "
                    + (mysql ? "@@super_read_only" : "0") + " AS sro").get(0);
            String gtid = Jdbc.queryString(connection, sql.gtidPosition());
            List<Map<String, Object>> status = Jdbc.query(connection, sql.status());
            if (status.isEmpty()) {
                return new NodeReport(node.name(), "running", number(vars.get("id")), number(vars.get("ro")) != 0,
                        number(vars.get("sro")) != 0, 0, "", "", "", -1, nullToEmpty(gtid));
            }
            Map<String, Object> row = status.get(0);
            String error = String.join(" ", text(row, "Last_IO_Error"), text(row, "Last_SQL_Error")).trim();
            Object behind = row.get(sql.column("Seconds_Behind_Master"));
            return new NodeReport(node.name(), "running", number(vars.get("id")), number(vars.get("ro")) != 0,
                    number(vars.get("sro")) != 0, (int) number(row.get(sql.column("Master_Port"))),
                    text(row, "Slave_IO_Running"), text(row, "Slave_SQL_Running"), error,
                    behind == null ? -1 : number(behind), nullToEmpty(gtid));
        } catch (SQLException e) {
            return NodeReport.notServing(node.name(), "unreachable: " + e.getMessage());
        }
    }

    private String text(Map<String, Object> row, String legacyColumn) {
        Object value = row.get(sql.column(legacyColumn));
        return value == null ? "" : value.toString();
    }

    private static long number(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
