package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostAndPortTest {

    @Test
    void parsesHostAndPort() {
        assertThat(HostAndPort.parse("db1.example.com:3306")).isEqualTo(new HostAndPort("db1.example.com", 3306));
        assertThat(HostAndPort.parse(" 127.0.0.1:4401 ")).isEqualTo(new HostAndPort("127.0.0.1", 4401));
    }

    @Test
    void parsesBracketedIpv6() {
        HostAndPort address = HostAndPort.parse("[::1]:3306");

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.port()).isEqualTo(3306);
        assertThat(address).hasToString("[::1]:3306");
    }

    @Test
    void printsHostColonPort() {
        assertThat(new HostAndPort("db1", 3306)).hasToString("db1:3306");
    }

    @Test
    void lowerCasesHostNamesSoThatEqualNamesAreEqualNodes() {
        assertThat(HostAndPort.parse("DB1.Example.COM:3306")).isEqualTo(HostAndPort.parse("db1.example.com:3306"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"db1", "db1:", "db1:0", "db1:65536", "db1:99999", "db1:33o6", "db1:-1", "[::1]",
            "db1:123456"})
    void rejectsMissingOrBadPort(String text) {
        assertThatThrownBy(() -> HostAndPort.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host must be host:port with a port in 1..65535, but was '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {":3306", "::1:3306", "[db1]:3306", "[::1:3306", "db 1:3306", "db1/x:3306", "-db:3306",
            "user@db1:3306"})
    void rejectsBadHost(String text) {
        assertThatThrownBy(() -> HostAndPort.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host must be host:port with a host name, IPv4 address or [IPv6] address, but was '"
                        + text + "'");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> HostAndPort.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("host must not be null");
    }

    @ParameterizedTest
    @CsvSource({"db1,0", "db1,65536"})
    void constructorRejectsPortOutOfRange(String host, int port) {
        assertThatThrownBy(() -> new HostAndPort(host, port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be in 1..65535, but was " + port);
    }

    @Test
    void constructorRejectsBracketsAndBlanks() {
        assertThatThrownBy(() -> new HostAndPort("[::1]", 3306))
                .hasMessage("host must be a host name, IPv4 address or IPv6 address without brackets, but was '[::1]'");
        assertThatThrownBy(() -> new HostAndPort("", 3306)).isInstanceOf(IllegalArgumentException.class);
    }
}
