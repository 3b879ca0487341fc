package io.github.understudy.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --key=value} options of a benchmark command. Each command declares its keys and defaults; an unknown
 * key is an error that lists the known ones, so a typo never silently runs the defaults.
 */
public final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param args  {@code --key=value} arguments
     * @param known every key the command accepts
     * @return the options
     * @throws IllegalArgumentException for a malformed argument or an unknown key
     */
    public static BenchOptions parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("options must look like --key=value, but was " + arg);
            }
            String key = arg.substring(2, equals);
            if (!known.contains(key)) {
                throw new IllegalArgumentException("option must be one of " + new TreeSet<>(known) + ", but was --"
                        + key);
            }
            values.put(key, arg.substring(equals + 1));
        }
        return new BenchOptions(values);
    }

    /** @return the options given, for the report's header */
    public Map<String, String> given() {
        return Map.copyOf(values);
    }

    /**
     * @param key          the option
     * @param defaultValue used when it was not given
     * @return its value
     */
    public String text(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /**
     * @param key          the option
     * @param defaultValue used when it was not given
     * @return its value
     */
    public int integer(String key, int defaultValue) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : defaultValue;
    }

    /**
     * @param key          the option
     * @param defaultValue used when it was not given
     * @return its value
     */
    public long number(String key, long defaultValue) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : defaultValue;
    }

    /**
     * @param key          the option
     * @param defaultValue used when it was not given
     * @return its value
     */
    public boolean flag(String key, boolean defaultValue) {
        return values.containsKey(key) ? Boolean.parseBoolean(values.get(key)) : defaultValue;
    }

    /**
     * @param key          the option: {@code 500ms}, {@code 30s}, {@code 20m}, or ISO-8601 ({@code PT30S})
     * @param defaultValue used when it was not given
     * @return its value
     */
    public Duration duration(String key, Duration defaultValue) {
        return values.containsKey(key) ? parseDuration(key, values.get(key)) : defaultValue;
    }

    /**
     * @param key          the option: comma-separated integers
     * @param defaultValue used when it was not given
     * @return its values
     */
    public List<Integer> integers(String key, List<Integer> defaultValue) {
        return values.containsKey(key) ? Arrays.stream(values.get(key).split(",")).map(String::trim)
                .map(Integer::parseInt).toList() : defaultValue;
    }

    /**
     * @param key          the option: comma-separated words
     * @param defaultValue used when it was not given
     * @return its values
     */
    public List<String> words(String key, List<String> defaultValue) {
        return values.containsKey(key) ? Arrays.stream(values.get(key).split(",")).map(String::trim).toList()
                : defaultValue;
    }

    static Duration parseDuration(String key, String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration like 500ms, 30s, 20m or PT30S, but was "
                    + text, e);
        }
    }
}
