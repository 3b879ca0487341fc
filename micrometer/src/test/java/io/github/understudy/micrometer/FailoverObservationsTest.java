package io.github.understudy.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.FailoverStarted;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;

import io.micrometer.observation.tck.TestObservationRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** One observation per change of master, with its phases, from the events. */
class FailoverObservationsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final HostAndPort DB1 = HostAndPort.parse("db1:3306");
    private static final HostAndPort DB2 = HostAndPort.parse("db2:3306");

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final FailoverObservations observations = new FailoverObservations(registry);

    @Test
    void aFailoverIsObservedFromItsStartToTheRepointingWithItsPhases() {
        observations.onEvent(new FailoverStarted("orders", AT, DB1, List.of(DB2), "most-advanced-replica"));
        assertThat(registry).hasObservationWithNameEqualTo(FailoverObservations.NAME).that().hasBeenStarted()
                .isNotStopped();

        observations.onEvent(promoted(false));
        observations.onEvent(new ReplicasRepointed("orders", AT, DB2, Map.of(), Duration.ofMillis(50)));

        assertThat(registry).hasSingleObservationThat().hasNameEqualTo(FailoverObservations.NAME)
                .hasContextualNameEqualTo("understudy failover").hasBeenStopped()
                .hasLowCardinalityKeyValue("datasource", "orders").hasLowCardinalityKeyValue("kind", "failover")
                .hasLowCardinalityKeyValue("outcome", "promoted").hasHighCardinalityKeyValue("old.master", "db1:3306")
                .hasHighCardinalityKeyValue("new.master", "db2:3306").hasHighCardinalityKeyValue("epoch", "3")
                .hasHighCardinalityKeyValue("detection.ms", "900").hasHighCardinalityKeyValue("promotion.ms", "200")
                .hasHighCardinalityKeyValue("repointing.ms", "50").hasEvent("promoted").hasEvent("repointed")
                .doesNotHaveError();
    }

    @Test
    void aFailedFailoverEndsWithTheReasonAsItsError() {
        observations.onEvent(new FailoverStarted("orders", AT, DB1, List.of(DB2), "most-advanced-replica"));
        observations.onEvent(new FailoverFailed("orders", AT, DB1, "no candidate: db2:3306 has errant GTIDs"));

        assertThat(registry).hasSingleObservationThat().hasBeenStopped().hasLowCardinalityKeyValue("outcome", "failed")
                .hasError();
    }

    @Test
    void aSwitchoverWithoutItsStartIsObservedFromThePromotion() {
        observations.onEvent(promoted(true));
        observations.onEvent(new ReplicasRepointed("orders", AT, DB2, Map.of(), Duration.ofMillis(50)));

        assertThat(registry).hasSingleObservationThat().hasContextualNameEqualTo("understudy switchover")
                .hasLowCardinalityKeyValue("kind", "switchover").hasLowCardinalityKeyValue("outcome", "promoted")
                .hasBeenStopped();
    }

    @Test
    void anUnfinishedObservationIsAbandonedWhenTheNextFailoverStarts() {
        observations.onEvent(new FailoverStarted("orders", AT, DB1, List.of(DB2), "most-advanced-replica"));
        observations.onEvent(new FailoverStarted("orders", AT, DB1, List.of(DB2), "most-advanced-replica"));

        assertThat(registry).hasNumberOfObservationsWithNameEqualTo(FailoverObservations.NAME, 2)
                .hasObservationWithNameEqualTo(FailoverObservations.NAME).that()
                .hasLowCardinalityKeyValue("outcome", "abandoned").hasBeenStopped();
    }

    private static MasterPromoted promoted(boolean planned) {
        return new MasterPromoted("orders", AT, DB1, DB2, 3, List.of(), planned ? Duration.ZERO : Duration.ofMillis(900),
                Duration.ofMillis(200), planned);
    }
}
