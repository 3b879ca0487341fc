package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input rule of the configuration, with the values a careless or hostile caller would give. */
class HostileInputTest {

    private static UnderstudyConfig.Builder valid() {
        return UnderstudyConfig.builder().hosts("db1:3306", "db2:3306")
                .username("app").password("app-secret").adminUsername("admin").adminPassword("admin-secret");
    }

    private static InvalidSettingException refused(Runnable setting) {
        try {
            setting.run();
        } catch (InvalidSettingException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    // Names that would forge log lines, and names the servers would refuse.

    @ParameterizedTest
    @ValueSource(strings = {"orders\nINFO forged line", "a\u0000b", "\u001b[31mred", "orders db", "-orders", "",
            "ünderstudy", "a/b", "0123456789012345678901234567890123456789012345678901234567890123x"})
    void nameIsShortAndPlain(String name) {
        InvalidSettingException e = refused(() -> valid().name(name));

        assertThat(e.setting()).isEqualTo("name");
        assertThat(e.getMessage()).doesNotContain("\n", "\u0000", "\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "orders-db.eu_1", "A1"})
    void plainNamesAreAccepted(String name) {
        assertThat(valid().name(name).build().name()).isEqualTo(name);
    }

    @Test
    void refusedValuesAreShownWithoutTheirControlCharacters() {
        InvalidSettingException e = refused(() -> valid().name("a\nb\u001b[2Jc\u202Ed"));

        assertThat(e.value()).isEqualTo("'a\\u000ab\\u001b[2Jc\\u202ed'");
        assertThat(e.getMessage()).endsWith("but was 'a\\u000ab\\u001b[2Jc\\u202ed'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app?allowMultiQueries=true", "a+b", "pct%41", "hash#x", "semi;colon", "sl/ash", "b\\s",
            "quote'd", "back`tick", "spa ce", "ünïcödé"})
    void databaseNamesWithUrlMetacharactersAreAccepted(String database) {
        assertThat(valid().database(database).build().database()).contains(database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trailing ", "new\nline", "nul\u0000", "esc\u001b[31m", "emoji\uD83D\uDE00",
            "0123456789012345678901234567890123456789012345678901234567890123x", " "})
    void databaseNamesTheServersRefuseAreRefusedHere(String database) {
        assertThat(refused(() -> valid().database(database)).setting()).isEqualTo("database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app\nuser", "app\u0000", "\t"})
    void userNamesHaveNoControlCharacters(String user) {
        assertThat(refused(() -> valid().username(user)).setting()).isEqualTo("username");
        assertThat(refused(() -> valid().adminUsername(user)).setting()).isEqualTo("adminUsername");
    }

    // Hosts: one spelling per address, so that no node is listed twice.

    @Test
    void twoSpellingsOfOneAddressAreOneNodeAndCannotBeListedTwice() {
        assertThat(HostAndPort.parse("[0:0:0:0:0:0:0:1]:3306")).isEqualTo(HostAndPort.parse("[::1]:3306"));
        assertThat(HostAndPort.parse("[2001:DB8:0:0:0:0:0:1]:3306")).hasToString("[2001:db8::1]:3306");
        assertThat(HostAndPort.parse("[::ffff:127.0.0.1]:3306")).hasToString("[::ffff:7f00:1]:3306");
        assertThat(HostAndPort.parse("DB1.Example.com:3306")).isEqualTo(HostAndPort.parse("db1.example.com:3306"));

        assertThat(refused(() -> valid().hosts("[::1]:3306", "[0:0:0:0:0:0:0:1]:3306")).getMessage())
                .endsWith("[::1]:3306 appears twice");
        assertThat(refused(() -> valid().failover(FailoverSettings.builder().build())
                .hosts("DB1:3306", "db1:3306")).setting()).isEqualTo("hosts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u212A:3306", "db\u0131:3306", "k\u0307:3306", "127.1:3306", "010.0.0.1:3306",
            "256.0.0.1:3306", "1.2.3.4.5:3306", "[1::2::3]:3306", "[1:2:3:4:5:6:7:8:9]:3306", "[12345::]:3306",
            "[::1%eth 0]:3306", "[::1%]:3306", "db1\n:3306"})
    void hostsThatHaveNoOneSpellingAreRefused(String text) {
        assertThatThrownBy(() -> HostAndPort.parse(text)).isInstanceOf(InvalidSettingException.class);
    }

    // Durations: sub-millisecond timeouts are not "no timeout"; huge ones are refused by name.

    @Test
    void hugeDurationsAreRefusedWhereTheyAreSetNamingTheSetting() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        Map<String, Consumer<UnderstudyConfig.Builder>> settings = Map.of(
                "probeInterval", b -> b.probeInterval(huge),
                "masterWaitTimeout", b -> b.masterWaitTimeout(huge),
                "maxReplicaLag", b -> b.maxReplicaLag(huge),
                "heartbeatInterval", b -> b.heartbeatInterval(huge),
                "readYourWritesWait", b -> b.readYourWritesWait(huge),
                "connectTimeout", b -> b.connectTimeout(huge),
                "socketTimeout", b -> b.socketTimeout(huge),
                "probeTimeout", b -> b.probeTimeout(huge));
        settings.forEach((setting, set) -> assertThat(refused(() -> set.accept(valid())).setting())
                .as(setting).isEqualTo(setting));
        assertThat(refused(() -> valid().probeInterval(Duration.ofDays(366))).getMessage())
                .isEqualTo("probeInterval must be <= PT8760H (365 days), but was PT8784H");
    }

    @Test
    void hugeFailoverAndPoolDurationsAreRefusedToo() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertThat(refused(() -> FailoverSettings.builder().relayLogWait(huge)).setting()).isEqualTo("relayLogWait");
        assertThat(refused(() -> FailoverSettings.builder().minInterval(huge)).setting()).isEqualTo("minInterval");
        assertThat(refused(() -> FailoverSettings.builder().deadMasterAfter(huge)).setting())
                .isEqualTo("deadMasterAfter");
        assertThat(refused(() -> FailoverSettings.builder().repointCheck(huge)).setting()).isEqualTo("repointCheck");
        assertThat(refused(() -> PoolSettings.builder().connectionTimeout(huge)).setting())
                .isEqualTo("connectionTimeout");
        assertThat(refused(() -> PoolSettings.builder().idleTimeout(huge)).setting()).isEqualTo("idleTimeout");
        assertThat(refused(() -> PoolSettings.builder().maxLifetime(huge)).setting()).isEqualTo("maxLifetime");
    }

    @Test
    void aSubMillisecondTimeoutIsKeptAsGiven() {
        Duration half = Duration.of(500, ChronoUnit.MICROS);

        assertThat(valid().probeTimeout(half).connectTimeout(half).socketTimeout(half).build().probeTimeout())
                .isEqualTo(half);
    }

    // Driver properties: the settings Understudy owns, and secrets kept out of toString.

    @Test
    void theDatabaseCannotBeSmuggledInThroughDriverProperties() {
        assertThat(refused(() -> valid().driverProperties(Map.of("dbname", "other"))).getMessage())
                .contains("use that instead");
    }

    @Test
    void passwordLikeDriverPropertiesAreMaskedInToString() {
        String shown = valid().driverProperties(Map.of("trustCertificateKeyStorePassword", "S3cr3t-1",
                "clientCertificateKeyStorePassword", "S3cr3t-2", "password1", "S3cr3t-3", "ociAuthToken", "S3cr3t-4",
                "sslMode", "REQUIRED")).build().toString();

        assertThat(shown).doesNotContain("S3cr3t", "app-secret", "admin-secret").contains("sslMode=REQUIRED");
    }
}
