package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;

import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URLs Understudy hands Connector/J, read back by Connector/J's own parser: what goes in comes out. */
class ConnectionUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"appdb", "app?allowMultiQueries=true", "a+b", "pct%41", "hash#x", "a b", "amp&x=1",
            "semi;colon", "sl/ash", "q'uote", "ünïcödé", "%", "%%41", "x=y?z#w%25+"})
    void theDatabaseArrivesAsGivenAndSetsNoDriverProperty(String database) {
        HostInfo host = parse(ConnectionFactory.url(HostAndPort.parse("db1:3306"), database));

        assertThat(host.getDatabase()).isEqualTo(database);
        assertThat(host.getHostProperties()).doesNotContainKey("allowMultiQueries").doesNotContainKey("x");
        assertThat(host.getHost()).isEqualTo("db1");
        assertThat(host.getPort()).isEqualTo(3306);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]:3306", "[fe80::1%eth0]:3307", "127.0.0.1:3308", "db-1.example.com:3309"})
    void theHostArrivesAsGiven(String address) {
        HostAndPort node = HostAndPort.parse(address);

        HostInfo host = parse(ConnectionFactory.url(node, null));

        assertThat(host.getHost()).isEqualTo(node.host().contains(":") ? "[" + node.host() + "]" : node.host());
        assertThat(host.getPort()).isEqualTo(node.port());
        assertThat(host.getDatabase()).isEmpty();
    }

    private static HostInfo parse(String url) {
        return ConnectionUrl.getConnectionUrlInstance(url, new Properties()).getMainHost();
    }
}
