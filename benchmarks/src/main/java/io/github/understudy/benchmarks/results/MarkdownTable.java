package io.github.understudy.benchmarks.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A GitHub-flavoured Markdown table: a header row, then rows of cells; {@code |} in cells is escaped. */
public final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param headers the column titles */
    public MarkdownTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * @param cells one value per column: numbers are formatted by {@link #format(Object)}
     * @return this table
     * @throws IllegalArgumentException when the count of cells is not the count of columns
     */
    public MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, but had " + cells.length
                    + ": " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(MarkdownTable::format).toList());
        return this;
    }

    /** @return whether no row was added */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @return the table as Markdown, ending with a newline */
    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        line(out, headers.stream().map(h -> "---").toList());
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n");
    }

    /**
     * How cells print: null and NaN as "–", whole numbers without decimals, others with up to two significant
     * decimals (three below 1).
     *
     * @param cell a value
     * @return its text
     */
    public static String format(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "–";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) d);
            }
            return String.format(Locale.ROOT, Math.abs(d) < 1 ? "%.3f" : "%,.2f", d);
        }
        if (cell instanceof Long || cell instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) cell).longValue());
        }
        return cell.toString();
    }
}
