package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The errant-transaction rules of both families: each assertion fails when its rule is broken. */
class ErrantTest {

    private static final String M = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String R = "4e11fa47-71ca-11e1-9e33-c80aa9429562";

    @Test
    void mysqlCandidateErrantsAreWhatTheMasterNeverHadExceptItsOwnLaterWrites() {
        assertThat(Errant.ofCandidate(false, M + ":1-10", M + ":1-8", 1, M)).as("the master's own, seen later")
                .isEmpty();
        assertThat(Errant.ofCandidate(false, M + ":1-8," + R + ":1", M + ":1-8", 1, M)).isEqualTo(R + ":1");
        assertThat(Errant.ofCandidate(false, M + ":1-5", M + ":1-8", 1, M)).as("behind, not errant").isEmpty();
    }

    @Test
    void mariadbCandidateErrantsAreAnotherServersWritesBeyondTheMaster() {
        assertThat(Errant.ofCandidate(true, "0-1-100", "0-1-100", 1, "")).isEmpty();
        assertThat(Errant.ofCandidate(true, "0-1-105", "0-1-100", 1, "")).as("the master's own").isEmpty();
        assertThat(Errant.ofCandidate(true, "0-3-101", "0-1-100", 1, "")).isEqualTo("0-3-101");
        assertThat(Errant.ofCandidate(true, "0-1-100,7-3-1", "0-1-100", 1, "")).isEqualTo("7-3-1");
        assertThat(Errant.ofCandidate(true, "0-3-101", "", 1, "")).as("no evidence").isEmpty();
    }

    @Test
    void mysqlAgainstMasterIsSetDifference() {
        assertThat(Errant.againstMaster(false, M + ":1-12", M + ":1-10," + R + ":1-4", 2, "")).isEqualTo(M + ":11-12");
        assertThat(Errant.againstMaster(false, M + ":1-9", M + ":1-10", 2, "")).isEmpty();
    }

    @Test
    void mariadbAgainstMasterUsesTheStartOfTheMastersTerm() {
        // n2 (server 2) promoted at 0-1-500 and wrote up to 0-2-600.
        assertThat(Errant.againstMaster(true, "0-1-500", "0-2-600", 2, "0-1-500")).as("the old term, up to the "
                + "promotion").isEmpty();
        assertThat(Errant.againstMaster(true, "0-1-550", "0-2-600", 2, "0-1-500"))
                .as("the old master's writes after the promotion point, though below the master's position")
                .isEqualTo("0-1-550");
        assertThat(Errant.againstMaster(true, "0-2-580", "0-2-600", 2, "0-1-500")).as("the master's own").isEmpty();
        assertThat(Errant.againstMaster(true, "0-2-601", "0-2-600", 2, "0-1-500")).isEqualTo("0-2-601");
        assertThat(Errant.againstMaster(true, "0-3-10", "0-1-600", 1, "")).as("never promoted: another server's")
                .isEqualTo("0-3-10");
        assertThat(Errant.againstMaster(true, "0-1-10,5-1-1", "0-1-600", 1, "")).as("a domain it lacks")
                .isEqualTo("5-1-1");
    }
}
