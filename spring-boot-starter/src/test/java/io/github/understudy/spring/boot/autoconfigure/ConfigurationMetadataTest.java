package io.github.understudy.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

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
                "understudy.endpoint.write-operations-enabled", "management.health.understudy.enabled");
        assertThat(properties).allSatisfy(p -> assertThat(p.path("description").asString()).as(p.toString())
                .isNotBlank().endsWith("."));
        assertThat(properties).filteredOn(p -> p.get("type").asString().equals("java.lang.Boolean"))
                .allSatisfy(p -> assertThat(p.get("description").asString()).startsWith("Whether"));
        assertThat(properties).filteredOn(p -> p.get("name").asString().equals("understudy.probe-interval"))
                .singleElement().satisfies(p -> assertThat(p.get("defaultValue").asString()).isEqualTo("500ms"));
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
