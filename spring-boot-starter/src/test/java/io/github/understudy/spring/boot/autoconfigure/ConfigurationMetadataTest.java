package io.github.understudy.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.Setting;
import io.github.understudy.spring.boot.consistency.ConsistencyTokenFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata that the configuration processor generates (and that IDEs show) documents every property. */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDocumentedAndBooleansSayWhether() throws IOException {
        List<JsonNode> properties = understudyProperties();
        assertThat(properties).extracting(p -> p.get("name").asString()).contains("understudy.hosts",
                "understudy.admin.username", "understudy.pool.replica.max-lifetime", "understudy.weights",
                "understudy.endpoint.write-operations-enabled", "management.health.understudy.enabled",
                "understudy.failover.strategy", "understudy.failover.dead-master-after",
                "understudy.failover.relay-log-wait", "understudy.failover.min-interval",
                "understudy.failover.never-promote", "understudy.failover.prefer-promote",
                "understudy.failover.repoint-check", "understudy.failover.replication.username",
                "understudy.failover.replication.password", "understudy.consistency",
                "understudy.read-your-writes-wait", "understudy.web.consistency-token.enabled",
                "understudy.web.consistency-token.header", "understudy.web.consistency-token.cookie",
                "understudy.web.consistency-token.filter-order");
        assertThat(properties).allSatisfy(p -> assertThat(p.path("description").asString()).as(p.toString())
                .isNotBlank().endsWith("."));
        assertThat(properties).filteredOn(p -> p.get("type").asString().equals("java.lang.Boolean"))
                .allSatisfy(p -> assertThat(p.get("description").asString()).startsWith("Whether"));
        assertThat(defaultOf(properties, "understudy.probe-interval")).isEqualTo("500ms");
        assertThat(defaultOf(properties, "understudy.pool.master.connection-timeout")).isEqualTo("250ms");
        assertThat(defaultOf(properties, "understudy.failover.strategy")).isEqualTo("most-advanced-replica");
        assertThat(defaultOf(properties, "understudy.failover.dead-master-after")).isEqualTo("0ms");
        assertThat(defaultOf(properties, "understudy.failover.relay-log-wait")).isEqualTo("5s");
        assertThat(defaultOf(properties, "understudy.failover.min-interval")).isEqualTo("60s");
        assertThat(defaultOf(properties, "understudy.failover.repoint-check")).isEqualTo("5s");
        assertThat(defaultOf(properties, "understudy.consistency")).isEqualTo("eventual");
        assertThat(defaultOf(properties, "understudy.read-your-writes-wait")).isEqualTo("200ms");
        assertThat(defaultOf(properties, "understudy.web.consistency-token.enabled")).isEqualTo("false");
        assertThat(defaultOf(properties, "understudy.web.consistency-token.header"))
                .isEqualTo(ConsistencyTokenFilter.DEFAULT_HEADER);
    }

    /** Core's table of settings names every property the starter binds them from, with the same default. */
    @Test
    void everySettingOfCoreIsAPropertyUnderItsKey() throws IOException {
        List<JsonNode> properties = understudyProperties();
        for (Setting setting : Setting.values()) {
            String name = "understudy." + setting.key();
            assertThat(properties).as(name).anySatisfy(p -> assertThat(p.get("name").asString()).isEqualTo(name));
            setting.defaultValue().filter(d -> !properties.stream().filter(p -> p.get("name").asString().equals(name))
                    .findFirst().orElseThrow().path("defaultValue").isMissingNode())
                    .ifPresent(d -> assertThat(defaultOf(properties, name)).as(name).isEqualTo(d));
        }
    }

    @Test
    void theFailoverStrategyHasHints() throws IOException {
        try (InputStream json = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            List<String> values = new ArrayList<>();
            JsonMapper.builder().build().readTree(json).get("hints").forEach(hint -> {
                if (hint.get("name").asString().equals("understudy.failover.strategy")) {
                    hint.get("values").forEach(value -> values.add(value.get("value").asString()));
                }
            });
            assertThat(values).containsExactly("most-advanced-replica", "none", "external");
        }
    }

    private static String defaultOf(List<JsonNode> properties, String name) {
        return properties.stream().filter(p -> p.get("name").asString().equals(name)).findFirst()
                .map(p -> p.path("defaultValue").asString()).orElseThrow(() -> new AssertionError(name));
    }

    private static List<JsonNode> understudyProperties() throws IOException {
        try (InputStream json = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("generated metadata").isNotNull();
            List<JsonNode> properties = new ArrayList<>();
            JsonMapper.builder().build().readTree(json).get("properties").forEach(p -> {
                if (p.get("name").asString().contains("understudy")) {
                    properties.add(p);
                }
            });
            return properties;
        }
    }
}
