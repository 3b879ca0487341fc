package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.ConsistencySession;

import org.junit.jupiter.api.Test;

class TrackedSessionTest {

    private static final String UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562";

    @Test
    void keepsTheLastGtidPerSourceAndRoundTripsThroughItsToken() {
        TrackedSession session = TrackedSession.parse("");
        assertThat(session.wrote()).isFalse();

        session.addMysql(UUID + ":7");
        session.addMysql(UUID + ":5");
        session.addMariadb("0-1-40");

        assertThat(session.token()).isEqualTo("d:0-1-40,m:" + UUID + ":7");
        assertThat(ConsistencySession.fromToken(session.token()).token()).isEqualTo(session.token());
        assertThat(session.waitPosition()).isEqualTo("0-1-40," + UUID + ":7");
    }

    @Test
    void isCoveredByAPositionThatHasEveryWrite() {
        TrackedSession mysql = TrackedSession.parse("m:" + UUID + ":7");
        TrackedSession mariadb = TrackedSession.parse("d:0-1-40");

        assertThat(mysql.coveredBy(UUID + ":1-10")).isTrue();
        assertThat(mysql.coveredBy(UUID + ":1-6")).isFalse();
        assertThat(mariadb.coveredBy("0-2-41")).isTrue();
        assertThat(mariadb.coveredBy("0-1-39")).isFalse();
        assertThat(TrackedSession.parse("").coveredBy("")).isTrue();
    }

    @Test
    void rejectsTokensItDidNotMake() {
        assertThatThrownBy(() -> ConsistencySession.fromToken("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("consistency token must be one Understudy made").hasMessageContaining("'hello'");
    }

    @Test
    void aWriteWithoutGtidSendsReadsToTheMasterForAWhileAndTravelsInTheToken() {
        TrackedSession session = TrackedSession.parse("");
        java.time.Duration window = java.time.Duration.ofSeconds(6);

        session.wroteUntracked(1_000_000);

        assertThat(session.wrote()).isTrue();
        assertThat(session.wroteUntrackedWithin(1_005_999, window)).isTrue();
        assertThat(session.wroteUntrackedWithin(1_006_000, window)).isFalse();
        TrackedSession elsewhere = TrackedSession.parse(session.token());
        assertThat(session.token()).isEqualTo("t:1000000");
        assertThat(elsewhere.wroteUntrackedWithin(1_005_999, window)).isTrue();
        assertThat(TrackedSession.parse("").wroteUntrackedWithin(1_005_999, window)).isFalse();
    }
}
