package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.understudy.Consistency;
import io.github.understudy.HostAndPort;
import io.github.understudy.InvalidSettingException;
import io.github.understudy.LagSource;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.jdbc.InvalidJdbcUrlException;

import java.time.Duration;
import java.util.Properties;

import org.assertj.core.api.AbstractThrowableAssert;

import org.junit.jupiter.api.Test;

/** A URL and its properties become the same configuration the builder makes, or an error naming the parameter. */
class UrlSettingsTest {

    private static final String BASE = "jdbc:understudy:mysql://db1:3306,db2:3306,[::1]:3307/shop";
    private static final String CREDENTIALS =
            "user=app&password=S3cret-app&admin.username=adm&admin.password=S3cret-adm";

    @Test
    void everySettingByItsKey() throws Exception {
        UnderstudyConfig config = parse(BASE + "?" + CREDENTIALS + "&name=orders&probe-interval=250ms"
                + "&probe-timeout=2s&connect-timeout=1500&socket-timeout=0&failures-to-evict=3"
                + "&successes-to-readmit=4&max-replica-lag=100ms&lag-source=heartbeat&heartbeat-interval=50ms"
                + "&read-fallback-to-master=false&retry-reads=FALSE&start-degraded=true&master-wait-timeout=PT3S"
                + "&consistency=read-your-writes&read-your-writes-wait=1s&master=db2:3306"
                + "&pool.master.maximum-pool-size=7&pool.replica.minimum-idle=0&pool.replica.max-lifetime=20m"
                + "&failover.strategy=external&failover.min-interval=0&failover.never-promote=db1:3306,db2:3306"
                + "&failover.replication.username=repl&failover.replication.password=S3cret-repl"
                + "&sslMode=DISABLED&driver-properties.allowPublicKeyRetrieval=true", null).config();
        assertThat(config.name()).isEqualTo("orders");
        assertThat(config.hosts()).containsExactly(new HostAndPort("db1", 3306), new HostAndPort("db2", 3306),
                new HostAndPort("::1", 3307));
        assertThat(config.database()).contains("shop");
        assertThat(config.username()).isEqualTo("app");
        assertThat(config.adminPassword()).isEqualTo("S3cret-adm");
        assertThat(config.probeInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.socketTimeout()).isZero();
        assertThat(config.failuresToEvict()).isEqualTo(3);
        assertThat(config.lagSource()).isEqualTo(LagSource.HEARTBEAT);
        assertThat(config.retryReads()).isFalse();
        assertThat(config.startDegraded()).isTrue();
        assertThat(config.masterWaitTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.consistency()).isEqualTo(Consistency.READ_YOUR_WRITES);
        assertThat(config.master()).contains(new HostAndPort("db2", 3306));
        assertThat(config.masterPool().maximumPoolSize()).isEqualTo(7);
        assertThat(config.replicaPool().minimumIdle()).isZero();
        assertThat(config.replicaPool().maxLifetime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.failover().strategy().toString()).contains("external");
        assertThat(config.failover().neverPromote()).hasSize(2);
        assertThat(config.failover().replicationUser()).isEqualTo("repl");
        assertThat(config.driverProperties()).containsEntry("sslMode", "DISABLED")
                .containsEntry("allowPublicKeyRetrieval", "true").hasSize(2);
    }

    @Test
    void builderNamesWorkTooAndPropertiesWinOverTheUrl() throws Exception {
        Properties info = new Properties();
        info.setProperty("adminPassword", "from-properties");
        info.setProperty("probe-interval", "1s");
        UnderstudyConfig config = parse(BASE + "?" + CREDENTIALS + "&probeInterval=250ms&maxReplicaLag=2s", info)
                .config();
        assertThat(config.adminPassword()).isEqualTo("from-properties");
        assertThat(config.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxReplicaLag()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void credentialsFromPropertiesOnly() throws Exception {
        Properties info = new Properties();
        info.setProperty("user", "app");
        info.setProperty("password", "p");
        info.setProperty("admin.username", "adm");
        info.setProperty("admin.password", "q");
        assertThat(parse(BASE, info).config().adminUsername()).isEqualTo("adm");
    }

    @Test
    void weightsNeedTheWeightedStrategy() throws Exception {
        assertThat(parse(BASE + "?" + CREDENTIALS + "&read-strategy=weighted&weights[db2:3306]=3", null).config()
                .readStrategy().toString()).contains("db2:3306");
        InvalidJdbcUrlException alone = fail(BASE + "?" + CREDENTIALS + "&weights[db2:3306]=3");
        that(alone).hasMessage("URL parameter weights[db2:3306] must be given with read-strategy=weighted only,"
                + " but read-strategy was 'round-robin'");
        InvalidJdbcUrlException foreign =
                fail(BASE + "?" + CREDENTIALS + "&read-strategy=weighted&weights[db9:3306]=3");
        assertThat(foreign.parameter()).isEqualTo("weights[db9:3306]");
        that(foreign).hasMessageStartingWith("URL parameter weights[db9:3306] is invalid: readStrategy must be "
                + "weighing only hosts");
    }

    @Test
    void unknownNamesGoToConnectorJUnlessTheyLookLikeSettings() throws Exception {
        UrlSettings.Parsed parsed = parse(BASE + "?" + CREDENTIALS + "&someInterceptorOption=x", null);
        assertThat(parsed.unknown()).containsExactly("someInterceptorOption");
        assertThat(parsed.config().driverProperties()).containsEntry("someInterceptorOption", "x");

        InvalidJdbcUrlException typo = fail(BASE + "?" + CREDENTIALS + "&probe-intervall=1s");
        that(typo).hasMessage("URL parameter probe-intervall must be an Understudy setting or a Connector/J "
                + "property, but was 'probe-intervall' (did you mean probe-interval?)");
        assertThat(typo.parameter()).isEqualTo("probe-intervall");
        that(fail(BASE + "?" + CREDENTIALS + "&understudy.probe-interval=1s"))
                .hasMessageEndingWith("(did you mean probe-interval?)");
        assertThat(fail(BASE + "?" + CREDENTIALS + "&failover.fastest=true").parameter()).isEqualTo("failover.fastest");
    }

    @Test
    void aBadValueNamesTheParameterTheRuleAndTheValue() {
        InvalidJdbcUrlException duration = fail(BASE + "?" + CREDENTIALS + "&probe-interval=fast");
        that(duration).hasMessage("URL parameter probe-interval must be " + TextValues.DURATION_RULE
                + ", but was 'fast'");
        assertThat(duration.parameter()).isEqualTo("probe-interval");
        assertThat(duration.rule()).isEqualTo(TextValues.DURATION_RULE);
        assertThat(duration.value()).isEqualTo("'fast'");
        assertThat(duration.getSQLState()).isEqualTo("08001");

        InvalidJdbcUrlException zero = fail(BASE + "?" + CREDENTIALS + "&probeInterval=0");
        that(zero).hasMessage("URL parameter probeInterval must be > 0, but was PT0S");
        that(fail(BASE + "?" + CREDENTIALS + "&probe-interval=0"))
                .hasMessage("URL parameter probe-interval is invalid: probeInterval must be > 0, but was PT0S");
        assertThat(zero.getCause()).isInstanceOf(InvalidSettingException.class);
        that(fail(BASE + "?" + CREDENTIALS + "&lag-source=often"))
                .hasMessage("URL parameter lag-source must be one of [seconds-behind-master, heartbeat], "
                        + "but was 'often'");
        assertThat(fail(BASE + "?" + CREDENTIALS + "&retry-reads=yes").rule()).isEqualTo("true or false");
    }

    @Test
    void conflictsFoundByBuildNameTheParameter() {
        that(fail(BASE + "?" + CREDENTIALS + "&max-replica-lag=500ms"))
                .hasMessageStartingWith("URL parameter max-replica-lag is invalid: maxReplicaLag must be >= PT1S");
        InvalidJdbcUrlException pool = fail(BASE + "?" + CREDENTIALS + "&pool.master.minimum-idle=20");
        assertThat(pool.parameter()).isEqualTo("pool.master.minimum-idle");
        that(pool).hasMessageStartingWith("URL parameter pool.master.minimum-idle is invalid: minimumIdle must "
                + "be <= maximumPoolSize (10)");
        that(fail(BASE + "?" + CREDENTIALS + "&failover.prefer-promote=db9:3306"))
                .hasMessageStartingWith("URL parameter failover.prefer-promote is invalid: failover.preferPromote must"
                        + " be a subset of hosts");
        that(fail(BASE + "?" + CREDENTIALS + "&failover.min-interval=-1s"))
                .hasMessage("URL parameter failover.min-interval is invalid: minInterval must be >= 0, but was PT-1S");
    }

    @Test
    void missingSettings() {
        InvalidJdbcUrlException admin = fail(BASE + "?user=app&password=p");
        that(admin).hasMessage("admin.username is invalid: adminUsername must be set, but was not set (give it "
                + "as a URL parameter or a Properties entry)");
        assertThat(admin.parameter()).isEqualTo("admin.username");
        that(fail(BASE + "?" + CREDENTIALS + "&failover.replication.username=repl"))
                .hasMessage("failover.replication.password must be set together with failover.replication.username: "
                        + "set both or neither, but was not set");
    }

    @Test
    void badUrls() {
        InvalidJdbcUrlException host = fail("jdbc:understudy:mysql://db1:3306,db2/shop?" + CREDENTIALS);
        assertThat(host.parameter()).isEqualTo("hosts");
        that(host).hasMessage("URL hosts is invalid: hosts[1] must be host:port with a port in 1..65535, "
                + "but was 'db2'");
        InvalidJdbcUrlException database = fail("jdbc:understudy:mysql://db1:3306?" + CREDENTIALS);
        assertThat(database.parameter()).isEqualTo("database");
        assertThat(database.value()).isEqualTo("not set");
        assertThat(fail("jdbc:understudy:mysql://db1:3306/?" + CREDENTIALS).parameter()).isEqualTo("database");
        InvalidJdbcUrlException scheme = fail("jdbc:understudy:postgresql://db1:5432/shop?password=S3cret-app");
        assertThat(scheme.parameter()).isEqualTo("url");
        that(scheme).hasMessageContaining("jdbc:understudy:postgresql://db1:5432/shop?password=****");
        InvalidJdbcUrlException userInfo = fail("jdbc:understudy:mysql://app:S3cret-app@db1:3306/shop");
        that(userInfo).hasMessageContaining("'****@db1:3306'");
        that(fail(BASE + "?" + CREDENTIALS + "&hosts=db3:3306"))
                .hasMessage("URL parameter hosts must be given by the URL's host list, but was 'db3:3306'");
    }

    @Test
    void noMessageShowsASecret() {
        String[] urls = {"jdbc:understudy:mysql://app:S3cret-app@db1:3306/shop",
            "jdbc:understudy:postgresql://db1:3306/shop?password=S3cret-app",
            BASE + "?user=app&password=S3cret-app&adminPasword=S3cret-adm",
            BASE + "?user=app&password=S3cret-app&admin.password=S3cret-adm",
            BASE + "?" + CREDENTIALS + "&failover.replication.password=S3cret-repl",
            BASE + "?" + CREDENTIALS + "&trustCertificateKeyStorePassword=%zz"};
        for (String url : urls) {
            InvalidJdbcUrlException e = fail(url);
            assertThat(e.getMessage()).as(url).doesNotContain("S3cret").doesNotContain("%zz");
            assertThat(e.value()).as(url).doesNotContain("S3cret");
        }
        assertThat(JdbcUrl.redacted(BASE + "?" + CREDENTIALS + "&sslMode=REQUIRED"))
                .isEqualTo(BASE + "?user=app&password=****&admin.username=adm&admin.password=****&sslMode=REQUIRED");
    }

    /** SQLException is Iterable too: this picks AssertJ's Throwable assertions. */
    private static AbstractThrowableAssert<?, ? extends Throwable> that(Throwable e) {
        return assertThat(e);
    }

    private static UrlSettings.Parsed parse(String url, Properties info) throws InvalidJdbcUrlException {
        return UrlSettings.parse(url, info);
    }

    private static InvalidJdbcUrlException fail(String url) {
        InvalidJdbcUrlException e = catchThrowableOfType(InvalidJdbcUrlException.class,
                () -> UrlSettings.parse(url, null));
        that(e).as(url).isNotNull();
        return e;
    }
}
