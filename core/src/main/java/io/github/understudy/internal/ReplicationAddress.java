package io.github.understudy.internal;

import java.sql.SQLException;
import java.util.Map;

/**
 * Where replicas reach a node, which may differ from where the application does (a proxy, a NAT, another
 * network): the node's {@code report_host}/{@code report_port} when set, else its configured host and its own
 * {@code @@port}.
 */
record ReplicationAddress(String host, int port) {

    static ReplicationAddress of(ServerSession node) throws SQLException {
        Map<String, String> row = node.rows("SELECT @@global.report_host AS h, @@global.report_port AS rp, "
                + "@@global.port AS p").get(0);
        String host = row.get("h");
        boolean reported = host != null && !host.isBlank();
        int reportPort = row.get("rp") == null ? 0 : Integer.parseInt(row.get("rp"));
        return new ReplicationAddress(reported ? host : node.node().host(),
                reported && reportPort > 0 ? reportPort : Integer.parseInt(row.get("p")));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
