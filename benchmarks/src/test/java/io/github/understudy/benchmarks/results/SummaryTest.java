package io.github.understudy.benchmarks.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        Summary summary = Summary.of(List.of(5.0, 1.0, 3.0));

        assertThat(summary).isEqualTo(new Summary(3, 0, 1.0, 3.0, 5.0));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        Summary summary = Summary.of(List.of(4, 1, 3, 10));

        assertThat(summary.median()).isEqualTo(3.5);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.max()).isEqualTo(10);
    }

    @Test
    void missingValuesAreCountedNotSummarised() {
        Summary summary = Summary.of(Arrays.asList(2.0, null, Double.NaN, 4.0));

        assertThat(summary.count()).isEqualTo(4);
        assertThat(summary.missing()).isEqualTo(2);
        assertThat(summary.median()).isEqualTo(3.0);
    }

    @Test
    void nothingPresentGivesNaNs() {
        Summary summary = Summary.of(Arrays.asList((Double) null));

        assertThat(summary.empty()).isTrue();
        assertThat(summary.median()).isNaN();
        assertThat(Json.write(summary.toMap())).contains("\"median\": null");
    }

    @Test
    void percentileIsTheNearestRank() {
        List<Integer> hundred = java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList();

        assertThat(Summary.percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(Summary.percentile(hundred, 0.5)).isEqualTo(50);
        assertThat(Summary.percentile(List.of(3, 1, 2), 0.99)).isEqualTo(3);
        assertThat(Summary.percentile(Arrays.asList(null, 7.0), 0.01)).isEqualTo(7);
        assertThat(Summary.percentile(List.<Double>of(), 0.99)).isNaN();
    }
}
