package io.github.understudy.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.RepointResult;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.ReplicasRepointed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The failovers that the log keeps apart from the other events, with their phase timings. */
class UnderstudyEventLogTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final HostAndPort DB1 = HostAndPort.parse("db1:3306");
    private static final HostAndPort DB2 = HostAndPort.parse("db2:3306");
    private static final HostAndPort DB3 = HostAndPort.parse("db3:3306");

    @Test
    void aPromotionGainsItsRepointingPhase() {
        UnderstudyEventLog log = new UnderstudyEventLog(10);
        log.onEvent(promoted("orders", 1, DB1, DB2));
        assertThat(log.lastFailover("orders")).hasValueSatisfying(failover -> {
            assertThat(failover.repointingMillis()).isNull();
            assertThat(failover.repointed()).isEmpty();
        });
        log.onEvent(new ReplicasRepointed("orders", AT.plusSeconds(1), DB2, Map.of(DB3, RepointResult.REPLICATING),
                Duration.ofMillis(70)));

        assertThat(log.failovers("orders")).containsExactly(new FailoverDescriptor(AT.toString(), "failover", 1, "db1:3306",
                "db2:3306", 1500, 250, 70L, List.of("db3:3306: LESS_ADVANCED (less advanced)"),
                Map.of("db3:3306", "replicating")));
        assertThat(log.recent("orders")).hasSize(2);
    }

    @Test
    void repointingOfAnotherMasterOrDataSourceIsNotAttached() {
        UnderstudyEventLog log = new UnderstudyEventLog(10);
        log.onEvent(promoted("orders", 1, DB1, DB2));
        log.onEvent(promoted("billing", 1, DB1, DB2));
        log.onEvent(new ReplicasRepointed("orders", AT, DB3, Map.of(), Duration.ofMillis(70)));

        assertThat(log.lastFailover("orders")).hasValueSatisfying(f -> assertThat(f.repointingMillis()).isNull());
        log.onEvent(new ReplicasRepointed("billing", AT, DB2, Map.of(), Duration.ofMillis(30)));
        assertThat(log.lastFailover("orders")).hasValueSatisfying(f -> assertThat(f.repointingMillis()).isNull());
        assertThat(log.lastFailover("billing")).hasValueSatisfying(f -> assertThat(f.repointingMillis()).isEqualTo(30L));
    }

    @Test
    void failoversOutliveTheRecentEventsAndTheLastAreKept() {
        UnderstudyEventLog log = new UnderstudyEventLog(1);
        for (int epoch = 1; epoch <= UnderstudyEventLog.FAILOVERS_KEPT + 2; epoch++) {
            log.onEvent(promoted("orders", epoch, DB1, DB2));
        }
        log.onEvent(new NodeUp("orders", AT, DB1));

        assertThat(log.recent("orders")).hasSize(1);
        assertThat(log.failovers("orders")).hasSize(UnderstudyEventLog.FAILOVERS_KEPT)
                .extracting(FailoverDescriptor::epoch).startsWith(12L, 11L).endsWith(3L);
        assertThat(new UnderstudyEventLog(0).lastFailover("orders")).isEmpty();
    }

    private static MasterPromoted promoted(String dataSource, long epoch, HostAndPort from, HostAndPort to) {
        return new MasterPromoted(dataSource, AT, from, to, epoch, List.of(new RejectedCandidate(DB3,
                RejectedCandidate.Reason.LESS_ADVANCED, "less advanced")), Duration.ofMillis(1500), Duration.ofMillis(250), false);
    }
}
