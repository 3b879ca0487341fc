package io.github.understudy.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setting values written as text (URL parameters, {@code Properties} entries), read the way Spring Boot reads its
 * properties, so that a value means the same in both: durations {@code 500ms}, {@code 5s}, {@code PT5S} (a bare
 * number is milliseconds), booleans {@code true}/{@code false}, enum constants in any case with dashes or
 * underscores. A value that does not parse throws {@link Check#invalid} naming the setting as it was written.
 */
public final class TextValues {

    /** The rule of a duration, as errors state it. */
    public static final String DURATION_RULE = "a duration such as 500ms, 5s, 1m or PT5S (a bare number is ms)";

    private static final Pattern SIMPLE_DURATION = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");

    private static final Map<String, ChronoUnit> UNITS = Map.of("ns", ChronoUnit.NANOS, "us", ChronoUnit.MICROS,
            "ms", ChronoUnit.MILLIS, "", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES,
            "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    private TextValues() {
    }

    /**
     * Reads a duration: {@code 500ms}, {@code 5s}, {@code 1m}, {@code PT5S}; a bare number is milliseconds.
     *
     * @return the duration
     * @throws io.github.understudy.InvalidSettingException when it does not parse
     */
    public static Duration duration(String setting, String text) {
        String value = text.strip();
        Matcher simple = SIMPLE_DURATION.matcher(value);
        try {
            if (simple.matches()) {
                ChronoUnit unit = UNITS.get(simple.group(2).toLowerCase(Locale.ROOT));
                if (unit != null) {
                    return Duration.of(Long.parseLong(simple.group(1)), unit);
                }
            } else if (value.toUpperCase(Locale.ROOT).matches("[+-]?P.*")) {
                return Duration.parse(value);
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            // falls through to the rule
        }
        throw Check.invalid(setting, DURATION_RULE, text);
    }

    /**
     * Reads an integer.
     *
     * @return the integer
     * @throws io.github.understudy.InvalidSettingException when it is not one
     */
    public static int integer(String setting, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Check.invalid(setting, "an integer", text);
        }
    }

    /**
     * Reads {@code true} or {@code false}, in any case.
     *
     * @return the boolean
     * @throws io.github.understudy.InvalidSettingException for anything else
     */
    public static boolean bool(String setting, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw Check.invalid(setting, "true or false", text);
        }
        return value.equals("true");
    }

    /**
     * {@return the constant whose name matches, ignoring case, dashes and underscores ({@code read-your-writes} is
     * {@code READ_YOUR_WRITES})}
     */
    public static <E extends Enum<E>> E constant(String setting, String text, Class<E> type) {
        String wanted = relaxed(text);
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (relaxed(constant.name()).equals(wanted)) {
                return constant;
            }
            names.add(kebab(constant));
        }
        throw Check.invalid(setting, "one of " + names, text);
    }

    /** {@return the text's comma-separated items, stripped, without empty ones} */
    public static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** {@return the constant as text writes it: {@code READ_YOUR_WRITES} is {@code read-your-writes}} */
    public static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@return the text as names are compared: without dashes and underscores, lower case ({@code readyourwrites})} */
    public static String relaxed(String text) {
        return text == null ? "" : text.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
