package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtidsTest {

    @Test
    void mariadbErrantIsAnotherServersTransactionBeyondTheMasters() {
        assertThat(Gtids.mariadbErrant("0-1-100", "0-1-100")).isEmpty();
        assertThat(Gtids.mariadbErrant("0-1-90", "0-1-100")).as("behind, not errant").isEmpty();
        assertThat(Gtids.mariadbErrant("0-1-105", "0-1-100")).as("the master's own, seen later").isEmpty();
        assertThat(Gtids.mariadbErrant("0-3-101", "0-1-100")).isEqualTo("0-3-101");
        assertThat(Gtids.mariadbErrant("0-1-100,7-3-1", "0-1-100")).isEqualTo("7-3-1");
    }

    @Test
    void mariadbBeyondComparesSequenceNumbersPerDomain() {
        assertThat(Gtids.mariadbBeyond("0-1-101", "0-1-100")).isEqualTo("0-1-101");
        assertThat(Gtids.mariadbBeyond("0-1-100", "0-2-100")).isEmpty();
    }

    @Test
    void mysqlSetsAreCountedAndFilteredByServer() {
        String set = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7,\n4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3";

        assertThat(Gtids.mysqlCount(set)).isEqualTo(9);
        assertThat(Gtids.mysqlWithout(set, "3E11FA47-71CA-11E1-9E33-C80AA9429562"))
                .isEqualTo("4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3");
        assertThat(Gtids.mysqlCount("")).isZero();
    }
}
