package io.github.understudy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the recorded server outputs under {@code src/test/resources/recorded} (see the README there): each
 * statement's rows, laid out as the mysql client's {@code \G} prints them, as column label to value ({@code NULL} is
 * null), the way {@link ServerSession#rows} returns them from a live server.
 */
final class Recorded {

    private Recorded() {
    }

    /** The rows the statement starting with {@code statement} printed in {@code file}; empty when it printed none. */
    static List<Map<String, String>> rows(String file, String statement) {
        List<Map<String, String>> rows = new ArrayList<>();
        boolean inside = false;
        Map<String, String> row = null;
        for (String line : text(file).split("\n")) {
            if (line.startsWith("mysql> ")) {
                if (inside) {
                    break;
                }
                inside = line.substring(7).startsWith(statement);
            } else if (inside && line.startsWith("*****")) {
                row = new LinkedHashMap<>();
                rows.add(row);
            } else if (inside && row != null && line.contains(":") && !line.startsWith("#")) {
                int colon = line.indexOf(':');
                String value = line.substring(colon + 1).trim();
                row.put(line.substring(0, colon).trim(), value.equals("NULL") ? null : value);
            }
        }
        return rows;
    }

    /** The {@code kind: value} lines of a file that lists names or versions. */
    static List<String> values(String file, String kind) {
        List<String> values = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            if (line.startsWith(kind + ":")) {
                values.add(line.substring(kind.length() + 1).trim());
            }
        }
        return values;
    }

    private static String text(String file) {
        try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded output " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
