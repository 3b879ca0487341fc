package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MariaDbPositionTest {

    @Test
    void readsDomainsAndComparesSequenceNumbers() {
        MariaDbPosition position = MariaDbPosition.parse("0-1-100,\n7-3-5");

        assertThat(position.seq(0)).isEqualTo(100);
        assertThat(position.seq(9)).isEqualTo(-1);
        assertThat(position.progress()).isEqualTo(105);
        assertThat(position).hasToString("0-1-100,7-3-5");
        assertThat(position.covers(MariaDbPosition.parse("0-2-100"))).isTrue();
        assertThat(position.covers(MariaDbPosition.parse("0-1-101"))).isFalse();
        assertThat(position.covers(MariaDbPosition.parse("8-1-1"))).isFalse();
        assertThat(MariaDbPosition.parse("").isEmpty()).isTrue();
    }

    @Test
    void refusesWhatIsNotAPosition() {
        assertThatThrownBy(() -> MariaDbPosition.parse("0-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain-server-seq");
    }
}
