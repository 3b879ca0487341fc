package io.github.understudy.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GapTest {

    private static final long MS = 1_000_000;

    @Test
    void theWindowIsTheLongestGapBetweenSuccessfulWritesEndingAfterTheFault() {
        List<Outcome> writes = List.of(ok(10), ok(20), ok(30), failed(900), ok(1300), ok(1310), ok(1320));

        Gap gap = Gap.longest(writes, 25 * MS);

        assertThat(gap.nanos()).isEqualTo(1270 * MS);
        assertThat(gap.from()).isEqualTo(30 * MS);
        assertThat(gap.to()).isEqualTo(1300 * MS);
        assertThat(gap.open()).isFalse();
    }

    @Test
    void gapsThatEndedBeforeTheFaultDoNotCount() {
        List<Outcome> writes = List.of(ok(10), ok(500), ok(510), ok(520));

        assertThat(Gap.longest(writes, 505 * MS).nanos()).isEqualTo(10 * MS);
    }

    @Test
    void noWriteAfterTheFaultLeavesTheWindowOpenUntilTheLoadStopped() {
        List<Outcome> writes = List.of(ok(10), ok(20), failed(400), failed(2000));

        Gap gap = Gap.longest(writes, 100 * MS);

        assertThat(gap.nanos()).isEqualTo(1980 * MS);
        assertThat(gap.open()).isTrue();
        assertThat(gap.describe(100 * MS)).contains("1.98 s", "-0.08 s to +1.90 s", "no write succeeded after it");
    }

    @Test
    void summaryValuesWrapAtSpaces() {
        assertThat(SummaryTable.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(SummaryTable.wrap("averyverylongword x", 5)).containsExactly("averyverylongword", "x");
    }

    private static Outcome ok(long endMillis) {
        return new Outcome(true, endMillis, "n1", endMillis * MS - MS, endMillis * MS, null, null);
    }

    private static Outcome failed(long endMillis) {
        return new Outcome(true, endMillis, null, endMillis * MS - MS, endMillis * MS, "08001",
                "NoAvailableNodeException");
    }
}
