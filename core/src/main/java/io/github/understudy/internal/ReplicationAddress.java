package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where replicas reach a node, which may differ from where the application does (a proxy, a NAT, another
 * network): the node's {@code report_host}/{@code report_port} when set, else its configured host and its own
 * {@code @@port}.
 */
record ReplicationAddress(String host, int port) {

    static ReplicationAddress of(Connection node, HostAndPort configured) throws SQLException {
        try (Statement statement = node.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@global.report_host, @@global.report_port, @@global.port")) {
            rs.next();
            String host = rs.getString(1);
            int reportPort = rs.getInt(2);
            int port = rs.getInt(3);
            return new ReplicationAddress(host == null || host.isBlank() ? configured.host() : host,
                    host != null && !host.isBlank() && reportPort > 0 ? reportPort : port);
        }
    }
}
