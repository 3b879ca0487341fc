package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request path's scans: whether a position holds one transaction. */
class GtidsTest {

    @Test
    void mysqlContainsLooksInsideTheRangesOfOneServer() {
        String set = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7,\n4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3";

        assertThat(Gtids.mysqlContains(set, "3E11FA47-71CA-11E1-9E33-C80AA9429562", 7)).isTrue();
        assertThat(Gtids.mysqlContains(set, "3e11fa47-71ca-11e1-9e33-c80aa9429562", 6)).isFalse();
        assertThat(Gtids.mysqlContains(set, "4e11fa47-71ca-11e1-9e33-c80aa9429562", 4)).isFalse();
        assertThat(Gtids.mysqlContains("", "4e11fa47-71ca-11e1-9e33-c80aa9429562", 1)).isFalse();
    }

    @Test
    void mariadbSeqIsTheLastSequenceNumberOfADomain() {
        assertThat(Gtids.mariadbSeq("0-1-100,7-3-5", 7)).isEqualTo(5);
        assertThat(Gtids.mariadbSeq("0-1-100", 2)).isEqualTo(-1);
    }
}
