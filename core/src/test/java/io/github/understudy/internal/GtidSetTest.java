package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtidSetTest {

    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "4e11fa47-71ca-11e1-9e33-c80aa9429562";

    @Test
    void readsWhatServersPrintAndWritesItCanonically() {
        GtidSet set = GtidSet.parse(A.toUpperCase() + ":1-5:7:6,\n" + B + ":1-3");

        assertThat(set).hasToString(A + ":1-7," + B + ":1-3");
        assertThat(set.count()).isEqualTo(10);
        assertThat(GtidSet.parse("").isEmpty()).isTrue();
        assertThat(GtidSet.parse(null)).isEqualTo(GtidSet.EMPTY);
    }

    @Test
    void readsTaggedGtidsOfMySql84() {
        // MySQL 8.4 reference manual, "GTID Format and Storage": UUID:TAG:TRANSACTION_ID
        GtidSet set = GtidSet.parse(A + ":1-3:ingest:1-2:5," + B + ":1");

        assertThat(set).hasToString(A + ":1-3," + A + ":ingest:1-2:5," + B + ":1");
        assertThat(set.count()).isEqualTo(7);
        assertThat(set.withoutServer(A)).hasToString(B + ":1");
    }

    @Test
    void subtractsUnitesAndCompares() {
        GtidSet big = GtidSet.parse(A + ":1-10," + B + ":1-3");
        GtidSet small = GtidSet.parse(A + ":3-4:8");

        assertThat(big.subtract(small)).hasToString(A + ":1-2:5-7:9-10," + B + ":1-3");
        assertThat(small.subtract(big).isEmpty()).isTrue();
        assertThat(big.containsAll(small)).isTrue();
        assertThat(small.containsAll(big)).isFalse();
        assertThat(small.union(GtidSet.parse(A + ":5-7," + B + ":2"))).hasToString(A + ":3-8," + B + ":2");
        assertThat(GtidSet.parse(A + ":1-5").containsAll(GtidSet.parse(A + ":1-6"))).isFalse();
    }

    @Test
    void refusesWhatIsNotAGtidSet() {
        assertThatThrownBy(() -> GtidSet.parse(A + ":5-2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be uuid:from-to");
        assertThatThrownBy(() -> GtidSet.parse(A + ":1-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GtidSet.parse(A + ":tag")).as("a tag without transactions")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
