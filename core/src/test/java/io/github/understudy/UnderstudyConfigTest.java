package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnderstudyConfigTest {

    private static UnderstudyConfig.Builder valid() {
        return UnderstudyConfig.builder().hosts("db1:3306", "db2:3306", "db3:3306")
                .username("app").password("app-secret").adminUsername("admin").adminPassword("admin-secret");
    }

    @Test
    void hasDocumentedDefaults() {
        UnderstudyConfig config = valid().build();

        assertThat(config.name()).isEqualTo("understudy");
        assertThat(config.master()).isEmpty();
        assertThat(config.database()).isEmpty();
        assertThat(config.driverProperties()).isEmpty();
        assertThat(config.masterPool()).isEqualTo(PoolSettings.defaults());
        assertThat(config.replicaPool()).isEqualTo(PoolSettings.defaults());
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.probeInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.probeTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.failuresToEvict()).isEqualTo(2);
        assertThat(config.successesToReadmit()).isEqualTo(2);
        assertThat(config.maxReplicaLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.lagSource()).isEqualTo(LagSource.SECONDS_BEHIND_MASTER);
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.readStrategy()).hasToString("round-robin");
        assertThat(config.readFallbackToMaster()).isTrue();
        assertThat(config.retryReads()).isTrue();
        assertThat(config.startDegraded()).isFalse();
        assertThat(config.masterWaitTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.listeners()).isEmpty();
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void keepsWhatWasSet() {
        ReplicaSelector selector = ReplicaSelector.leastInFlight();
        UnderstudyListener listener = event -> { };
        UnderstudyConfig config = valid().name("orders").hosts(List.of("db1:3306", "[::1]:3307")).master("db1:3306")
                .database("shop").driverProperties(Map.of("sslMode", "REQUIRED")).readStrategy(selector)
                .socketTimeout(Duration.ZERO).masterWaitTimeout(Duration.ZERO).readFallbackToMaster(false)
                .retryReads(false).startDegraded(true).listener(listener).build();

        assertThat(config.name()).isEqualTo("orders");
        assertThat(config.hosts()).containsExactly(HostAndPort.parse("db1:3306"), new HostAndPort("::1", 3307));
        assertThat(config.master()).contains(HostAndPort.parse("db1:3306"));
        assertThat(config.database()).contains("shop");
        assertThat(config.driverProperties()).containsExactly(Map.entry("sslMode", "REQUIRED"));
        assertThat(config.readStrategy()).isSameAs(selector);
        assertThat(config.socketTimeout()).isZero();
        assertThat(config.masterWaitTimeout()).isZero();
        assertThat(config.readFallbackToMaster()).isFalse();
        assertThat(config.retryReads()).isFalse();
        assertThat(config.startDegraded()).isTrue();
        assertThat(config.listeners()).containsExactly(listener);
    }

    @Test
    void anEmptyPasswordIsAllowed() {
        assertThat(valid().password("").adminPassword("").build().password()).isEmpty();
    }

    @Test
    void hostsNameTheBadEntryByIndex() {
        assertThatThrownBy(() -> valid().hosts("db1:3306", "db1:99999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hosts[1] must be host:port with a port in 1..65535, but was 'db1:99999'");
        assertThatThrownBy(() -> valid().hosts(Arrays.asList("db1:3306", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("hosts[1] must not be null");
    }

    @Test
    void hostsMustBeDistinctAndNonEmpty() {
        assertThatThrownBy(() -> valid().hosts("127.0.0.1:3306", "db2:3306", "127.0.0.1:3306"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("hosts must be without duplicates, but was [127.0.0.1:3306, db2:3306, 127.0.0.1:3306]: "
                        + "127.0.0.1:3306 appears twice");
        assertThatThrownBy(() -> valid().hosts()).hasMessage("hosts must be non-empty, but was []");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosts", "username", "password", "adminUsername", "adminPassword"})
    void requiredSettingsMustBeSet(String setting) {
        UnderstudyConfig.Builder builder = UnderstudyConfig.builder();
        if (!setting.equals("hosts")) {
            builder.hosts("db1:3306");
        }
        Map<String, Consumer<UnderstudyConfig.Builder>> setters = Map.of(
                "username", b -> b.username("app"), "password", b -> b.password(""),
                "adminUsername", b -> b.adminUsername("admin"), "adminPassword", b -> b.adminPassword(""));
        setters.forEach((name, setter) -> {
            if (!name.equals(setting)) {
                setter.accept(builder);
            }
        });

        assertThatThrownBy(builder::build).hasMessage(setting + " must be set, but was not set");
    }

    @Test
    void textSettingsMustNotBeBlankOrNull() {
        assertThatThrownBy(() -> valid().name(" ")).hasMessage("name must be 1 to 64 ASCII letters, digits, '.', '_' "
                + "or '-', starting with a letter or digit, but was ' '");
        assertThatThrownBy(() -> valid().username("")).hasMessage("username must be non-blank, but was ''");
        assertThatThrownBy(() -> valid().adminUsername(" ")).hasMessage("adminUsername must be non-blank, but was ' '");
        assertThatThrownBy(() -> valid().database(" ")).hasMessage("database must be non-blank, but was ' '");
        assertThatThrownBy(() -> valid().password(null))
                .isInstanceOf(NullPointerException.class).hasMessage("password must not be null");
        assertThatThrownBy(() -> valid().name(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name must not be null");
    }

    @Test
    void masterMustBeOneOfTheHosts() {
        assertThatThrownBy(() -> valid().master("db9:3306").build())
                .hasMessage("master must be one of hosts [db1:3306, db2:3306, db3:3306], but was db9:3306");
        assertThatThrownBy(() -> valid().master("db9"))
                .hasMessage("master must be host:port with a port in 1..65535, but was 'db9'");
        assertThat(valid().master("db2:3306").master((String) null).build().master()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"user,username", "password,password", "connectTimeout,connectTimeout",
        "socketTimeout,socketTimeout", "SOCKETTIMEOUT,socketTimeout"})
    void driverPropertiesMustNotSetWhatUnderstudyOwns(String key, String setting) {
        assertThatThrownBy(() -> valid().driverProperties(Map.of("sslMode", "REQUIRED", key, "x")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("driverProperties must be free of the keys Understudy sets itself, but was '" + key
                        + "': Understudy sets '" + key + "' from the " + setting + " setting, use that instead");
    }

    @ParameterizedTest
    @CsvSource({
        "probeInterval,PT0S,> 0", "probeInterval,PT-1S,> 0", "heartbeatInterval,PT0S,> 0",
        "connectTimeout,PT0S,> 0", "probeTimeout,PT0S,> 0",
        "socketTimeout,PT-0.001S,>= 0", "maxReplicaLag,PT-1S,>= 0", "masterWaitTimeout,PT-1S,>= 0",
        "connectTimeout,PT600H,<= PT596H31M23.647S (Integer.MAX_VALUE ms)",
        "socketTimeout,PT600H,<= PT596H31M23.647S (Integer.MAX_VALUE ms)"})
    void durationsAreCheckedAndPrinted(String setting, String value, String rule) {
        assertThatThrownBy(() -> setDuration(valid(), setting, Duration.parse(value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(setting + " must be " + rule + ", but was " + Duration.parse(value));
    }

    private static void setDuration(UnderstudyConfig.Builder builder, String setting, Duration value) {
        Map<String, Consumer<Duration>> setters = Map.of("probeInterval", builder::probeInterval,
                "heartbeatInterval", builder::heartbeatInterval, "connectTimeout", builder::connectTimeout,
                "probeTimeout", builder::probeTimeout, "socketTimeout", builder::socketTimeout,
                "maxReplicaLag", builder::maxReplicaLag, "masterWaitTimeout", builder::masterWaitTimeout);
        setters.get(setting).accept(value);
    }

    @Test
    void countsMustBeAtLeastOne() {
        assertThatThrownBy(() -> valid().failuresToEvict(0)).hasMessage("failuresToEvict must be >= 1, but was 0");
        assertThatThrownBy(() -> valid().successesToReadmit(0))
                .hasMessage("successesToReadmit must be >= 1, but was 0");
    }

    @Test
    void objectSettingsMustNotBeNull() {
        assertThatThrownBy(() -> valid().lagSource(null)).hasMessage("lagSource must not be null");
        assertThatThrownBy(() -> valid().readStrategy(null)).hasMessage("readStrategy must not be null");
        assertThatThrownBy(() -> valid().clock(null)).hasMessage("clock must not be null");
        assertThatThrownBy(() -> valid().masterPool(null)).hasMessage("masterPool must not be null");
        assertThatThrownBy(() -> valid().listener(null)).hasMessage("listener must not be null");
        assertThatThrownBy(() -> valid().listeners(Arrays.asList(e -> { }, null)))
                .hasMessage("listeners[1] must not be null");
    }

    @Test
    void secondsBehindMasterCannotMeasureLessThanASecond() {
        assertThatThrownBy(() -> valid().maxReplicaLag(Duration.ofMillis(500)).build())
                .hasMessage("maxReplicaLag must be >= PT1S with lagSource=SECONDS_BEHIND_MASTER, which counts whole "
                        + "seconds, but was PT0.5S: use lagSource=HEARTBEAT for a finer limit");
        assertThat(valid().maxReplicaLag(Duration.ofMillis(500)).lagSource(LagSource.HEARTBEAT).build().maxReplicaLag())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theHeartbeatMustBeFasterThanTheLagLimit() {
        assertThatThrownBy(() -> valid().lagSource(LagSource.HEARTBEAT).maxReplicaLag(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofSeconds(1)).build())
                .hasMessage("heartbeatInterval must be < maxReplicaLag (PT1S) with lagSource=HEARTBEAT, but was PT1S");
        assertThat(valid().heartbeatInterval(Duration.ofSeconds(10)).build().heartbeatInterval())
                .as("ignored with SECONDS_BEHIND_MASTER").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aWeightedSelectorMayWeighOnlyConfiguredHosts() {
        ReplicaSelector weighted = ReplicaSelector.weighted(Map.of(HostAndPort.parse("db9:3306"), 3));

        assertThatThrownBy(() -> valid().readStrategy(weighted).build())
                .hasMessage("readStrategy must be weighing only hosts [db1:3306, db2:3306, db3:3306], but was "
                        + "weighted{db9:3306=3}: it weighs db9:3306");
        assertThat(valid().readStrategy(ReplicaSelector.weighted(Map.of(HostAndPort.parse("db2:3306"), 3))).build())
                .isNotNull();
    }

    @Test
    void aRejectedValueLeavesTheBuilderAsItWas() {
        UnderstudyConfig.Builder builder = valid().probeInterval(Duration.ofSeconds(1))
                .driverProperties(Map.of("sslMode", "REQUIRED"));

        assertThatThrownBy(() -> builder.probeInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.hosts("db1:3306", "bad")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.driverProperties(Map.of("user", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.master("db9:3306").build()).isInstanceOf(IllegalArgumentException.class);
        UnderstudyConfig config = builder.master((String) null).build();

        assertThat(config.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.hosts()).hasSize(3);
        assertThat(config.driverProperties()).containsOnlyKeys("sslMode");
    }

    @Test
    void toStringListsSettingsButNeverAPassword() {
        String text = valid().password("s3cret-app").adminPassword("s3cret-admin")
                .driverProperties(Map.of("trustCertificateKeyStorePassword", "s3cret-store", "sslMode", "REQUIRED"))
                .build().toString();

        assertThat(text).doesNotContain("s3cret")
                .contains("password=****", "adminPassword=****", "trustCertificateKeyStorePassword=****",
                        "sslMode=REQUIRED", "username=app", "hosts=[db1:3306, db2:3306, db3:3306]",
                        "probeInterval=PT0.5S", "readStrategy=round-robin");
    }

    @Test
    void toBuilderCopiesEverySettingAndIsIndependent() {
        UnderstudyConfig original = valid().name("orders").master("db1:3306").listener(e -> { })
                .lagSource(LagSource.HEARTBEAT).maxReplicaLag(Duration.ofSeconds(2)).build();

        UnderstudyConfig copy = original.toBuilder().build();
        UnderstudyConfig changed = original.toBuilder().name("billing").listener(e -> { }).build();

        assertThat(copy).hasToString(original.toString());
        assertThat(copy.listeners()).isEqualTo(original.listeners());
        assertThat(changed.name()).isEqualTo("billing");
        assertThat(original.name()).isEqualTo("orders");
        assertThat(original.listeners()).hasSize(1);
        assertThat(changed.listeners()).hasSize(2);
    }

    @Test
    void theListsItHandsOutAreUnmodifiable() {
        UnderstudyConfig config = valid().listener(e -> { }).build();

        assertThatThrownBy(() -> config.listeners().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.hosts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.driverProperties().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void healthyNodesMayBeProbedLessOftenButNeverMoreOftenThanTheProbeInterval() {
        assertThat(valid().probeInterval(Duration.ofMillis(300)).build().healthyProbeInterval())
                .isEqualTo(Duration.ofMillis(300));
        assertThat(valid().healthyProbeInterval(Duration.ofSeconds(5)).build().healthyProbeInterval())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> valid().probeInterval(Duration.ofSeconds(1)).healthyProbeInterval(
                Duration.ofMillis(500)).build()).isInstanceOf(InvalidSettingException.class)
                .hasMessage("healthyProbeInterval must be >= probeInterval (PT1S), but was PT0.5S");
    }
}
