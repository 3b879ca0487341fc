package io.github.understudy.benchmarks.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Minimum, median and maximum of a set of measurements (the median of an even count is the mean of the two middle
 * values). Missing measurements ({@code null} or NaN, e.g. a phase that never happened) are left out and counted.
 *
 * @param count   how many measurements there were
 * @param missing how many of them were missing
 * @param min     the smallest, NaN when none
 * @param median  the median, NaN when none
 * @param max     the largest, NaN when none
 */
public record Summary(int count, int missing, double min, double median, double max) {

    /**
     * @param values the measurements; nulls and NaNs count as missing
     * @return their summary
     */
    public static Summary of(Collection<? extends Number> values) {
        List<Double> present = new ArrayList<>();
        for (Number value : Objects.requireNonNull(values, "values must not be null")) {
            if (value != null && !Double.isNaN(value.doubleValue())) {
                present.add(value.doubleValue());
            }
        }
        int missing = values.size() - present.size();
        if (present.isEmpty()) {
            return new Summary(values.size(), missing, Double.NaN, Double.NaN, Double.NaN);
        }
        Collections.sort(present);
        int n = present.size();
        double median = n % 2 == 1 ? present.get(n / 2) : (present.get(n / 2 - 1) + present.get(n / 2)) / 2;
        return new Summary(values.size(), missing, present.get(0), median, present.get(n - 1));
    }

    /**
     * The nearest-rank percentile: the smallest measurement that at least {@code fraction} of them do not exceed
     * (with 100 measurements, p99 is the 99th smallest; with fewer than 100, the largest).
     *
     * @param values   the measurements; nulls and NaNs are left out
     * @param fraction 0 (exclusive) to 1 (inclusive), e.g. 0.99
     * @return the percentile, NaN when no measurement was present
     */
    public static double percentile(Collection<? extends Number> values, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], but was " + fraction);
        }
        List<Double> present = new ArrayList<>();
        for (Number value : values) {
            if (value != null && !Double.isNaN(value.doubleValue())) {
                present.add(value.doubleValue());
            }
        }
        if (present.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(present);
        return present.get((int) Math.ceil(fraction * present.size()) - 1);
    }

    /** @return whether no measurement was present */
    public boolean empty() {
        return count == missing;
    }

    /** @return the summary as a JSON-ready map ({@code null} for NaN) */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("missing", missing);
        map.put("min", min);
        map.put("median", median);
        map.put("max", max);
        return map;
    }
}
