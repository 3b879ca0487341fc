package io.github.understudy.examples.demo;

import io.github.understudy.HostAndPort;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test kit's node names ({@code n1}, {@code n2}, ...) for the addresses Understudy reports, so that the
 * terminal says {@code n2} rather than {@code 127.0.0.1:40213}. Both the application's address (the node's proxy)
 * and the server's own port (which replication uses, and which appears in replication messages) are known.
 */
final class NodeNames {

    private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}\\b");

    private final Map<String, String> byAddress = new LinkedHashMap<>();
    private final List<String> names;

    NodeNames(ReplicationCluster cluster) {
        for (ClusterNode node : cluster.nodes()) {
            byAddress.put(node.address(), node.name());
            byAddress.put(node.host() + ":" + node.serverPort(), node.name());
        }
        this.names = cluster.nodes().stream().map(ClusterNode::name).toList();
    }

    /** @return every node's name, in order */
    List<String> all() {
        return names;
    }

    /** @return the node's name, or the address itself when it is not a node of this cluster */
    String of(HostAndPort address) {
        return address == null ? "none" : byAddress.getOrDefault(address.toString(), address.toString());
    }

    /** @return {@code text} with every node address in it replaced by the node's name */
    String humanize(String text) {
        return ADDRESS.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(byAddress.getOrDefault(m.group(), m.group())));
    }
}
