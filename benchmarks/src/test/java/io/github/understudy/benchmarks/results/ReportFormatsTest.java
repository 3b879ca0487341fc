package io.github.understudy.benchmarks.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {

    @Test
    void jsonEscapesStringsKeepsOrderAndRoundsDoubles() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", "say \"hi\"\n");
        map.put("a", Arrays.asList(1, 2.0004, null, true, Double.NaN, Duration.ofMillis(1500)));

        assertThat(Json.write(map)).isEqualTo("{\n  \"b\": \"say \\\"hi\\\"\\n\",\n  \"a\": [\n    1,\n    2,\n"
                + "    null,\n    true,\n    null,\n    1500\n  ]\n}\n");
    }

    @Test
    void markdownTableFormatsNumbersAndEscapesPipes() {
        String table = new MarkdownTable("name", "value").row("a|b", 1234.5).row("c", Double.NaN).row("d", 0.25)
                .render();

        assertThat(table).isEqualTo("| name | value |\n| --- | --- |\n| a\\|b | 1,234.50 |\n| c | – |\n"
                + "| d | 0.250 |\n");
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> new MarkdownTable("one", "two").row("only one"))
                .hasMessageContaining("a row needs 2 cells, but had 1");
    }

    @Test
    void reportWritesJsonAndMarkdownSideBySide(@TempDir Path directory) throws Exception {
        Report report = new Report("demo", "Demo").meta("options", Map.of("x", "1"))
                .table("Numbers", new MarkdownTable("n").row(1)).data("values", List.of(1, 2));

        Path json = report.write(directory);

        assertThat(Files.readString(json)).contains("\"name\": \"demo\"", "\"values\": [", "\"cores\":");
        assertThat(Files.readString(directory.resolve("demo.md"))).startsWith("# Demo\n").contains("## Numbers",
                "| n |", "- options: {x=1}");
    }
}
