package io.github.understudy.examples.demo;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Summary} as a plain ASCII table (it ends up in CI logs and issue reports too). */
final class SummaryTable {

    private static final int MAX_VALUE_WIDTH = 76;

    private SummaryTable() {
    }

    /**
     * @param width the terminal's width: the table is narrowed to fit (down to 40 characters of value)
     */
    static String render(Summary summary, Ansi ansi, int width) {
        int labelWidth = summary.rows().stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int valueWidth = Math.max(40, Math.min(MAX_VALUE_WIDTH, width - labelWidth - 7));
        String rule = "+" + "-".repeat(labelWidth + 2) + "+" + "-".repeat(valueWidth + 2) + "+";
        StringBuilder out = new StringBuilder("\n").append(ansi.bold(summary.title())).append('\n').append(rule)
                .append('\n');
        for (String[] row : summary.rows()) {
            List<String> lines = wrap(row[1], valueWidth);
            for (int i = 0; i < lines.size(); i++) {
                out.append("| ").append(pad(i == 0 ? row[0] : "", labelWidth)).append(" | ")
                        .append(pad(lines.get(i), valueWidth)).append(" |\n");
            }
        }
        out.append(rule).append('\n').append("Expected of this fault:\n");
        for (Check check : summary.checks()) {
            out.append("  ").append(check.met() ? ansi.green("[ok] ") : ansi.red("[UNEXPECTED] "))
                    .append(check.expectation()).append(": ").append(check.detail()).append('\n');
        }
        if (summary.lostWrites() > 0) {
            out.append("\nNote: ").append(summary.lostWrites()).append(" acknowledged write(s) are missing on the "
                    + "final master. With asynchronous replication a write that the killed master acknowledged but\n"
                    + "had not yet sent to any replica dies with it: expected here, not an error of the demo. "
                    + "Semi-synchronous replication (AFTER_SYNC) prevents it; see README, Failover.\n");
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** Splits at spaces so that no line is longer than {@code width} (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
