package io.github.understudy.examples.starteronly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The blocks of the project's README.md that the Quickstart shows, read as they are printed there. */
final class Readme {

    private final String text;

    private Readme(String text) {
        this.text = text;
    }

    static Readme read(Path path) throws IOException {
        return new Readme(Files.readString(path));
    }

    /**
     * {@return the first fenced block of {@code language} after the heading {@code heading}}
     *
     * @throws IllegalStateException when there is none: the README changed shape
     */
    String block(String heading, String language) {
        int section = text.indexOf("\n" + heading + "\n");
        if (section < 0) {
            throw new IllegalStateException("README.md has no heading '" + heading + "'");
        }
        String fence = "```" + language + "\n";
        int start = text.indexOf(fence, section);
        if (start < 0) {
            throw new IllegalStateException("README.md has no ```" + language + " block after '" + heading + "'");
        }
        start += fence.length();
        return text.substring(start, text.indexOf("\n```", start) + 1);
    }

    /**
     * {@return the SQL statements of the Grants section for one server family, in order, without comments}
     *
     * @param family the comment line that opens the family's part, e.g. {@code -- MariaDB}
     */
    List<String> grants(String family) {
        String sql = block("## Grants", "sql");
        int from = sql.indexOf(family);
        if (from < 0) {
            throw new IllegalStateException("README.md's Grants have no part '" + family + "'");
        }
        int next = sql.indexOf("\n--", from + family.length());
        String part = sql.substring(sql.indexOf('\n', from) + 1, next < 0 ? sql.length() : next);
        return Arrays.stream(part.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
