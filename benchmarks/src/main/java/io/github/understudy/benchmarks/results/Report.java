package io.github.understudy.benchmarks.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one benchmark run, written side by side as {@code <name>.json} (everything measured, for
 * machines) and {@code <name>.md} (the tables and the conclusions, for people). The header of both says how the
 * run was made: command options, engine, machine, load average before and after.
 */
public final class Report {

    /** System property naming the directory results are written to; default {@code results}. */
    public static final String DIRECTORY_PROPERTY = "bench.resultsDir";

    private final String name;
    private final String title;
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<String> markdown = new ArrayList<>();

    /**
     * @param name  the file name, without extension
     * @param title the Markdown title
     */
    public Report(String name, String title) {
        this.name = name;
        this.title = title;
        meta.putAll(RunInfo.describe());
    }

    /** Records the date and the machine's load now, as the start of the run the next reports describe. */
    public static void markStart() {
        RunInfo.markStart();
    }

    /**
     * Adds a line to the header of both files.
     *
     * @param key   what it is
     * @param value its value
     * @return this report
     */
    public Report meta(String key, Object value) {
        meta.put(key, value);
        return this;
    }

    /**
     * Adds machine-readable results (JSON only).
     *
     * @param key   the field
     * @param value maps, lists, numbers, strings
     * @return this report
     */
    public Report data(String key, Object value) {
        data.put(key, value);
        return this;
    }

    /**
     * @param heading a second-level heading
     * @param table   the table under it
     * @return this report
     */
    public Report table(String heading, MarkdownTable table) {
        markdown.add("## " + heading + "\n\n" + table.render());
        return this;
    }

    /**
     * @param text a paragraph of Markdown
     * @return this report
     */
    public Report text(String text) {
        markdown.add(text.strip() + "\n");
        return this;
    }

    /** @return the Markdown text */
    public String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        meta.forEach((key, value) -> out.append("- ").append(key).append(": ").append(MarkdownTable.format(value))
                .append('\n'));
        markdown.forEach(part -> out.append('\n').append(part));
        return out.toString();
    }

    /** @return the JSON text */
    public String json() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", name);
        all.put("title", title);
        all.put("meta", meta);
        all.putAll(data);
        return Json.write(all);
    }

    /**
     * Writes both files to the directory named by {@value #DIRECTORY_PROPERTY}.
     *
     * @return the JSON file's path (the Markdown file is beside it)
     */
    public Path write() {
        return write(Path.of(System.getProperty(DIRECTORY_PROPERTY, "results")));
    }

    /**
     * @param directory where to write {@code <name>.json} and {@code <name>.md}
     * @return the JSON file's path
     */
    public Path write(Path directory) {
        meta.put("load average at the end", RunInfo.loadAverage());
        try {
            Files.createDirectories(directory);
            Path json = directory.resolve(name + ".json");
            Files.writeString(json, json());
            Files.writeString(directory.resolve(name + ".md"), markdown());
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + directory, e);
        }
    }
}
