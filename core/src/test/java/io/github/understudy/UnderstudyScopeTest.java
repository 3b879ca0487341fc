package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnderstudyScopeTest {

    @Test
    void scopesNestAndRestoreWhatWasBoundBefore() {
        assertThat(Understudy.currentSession()).isNull();
        try (Understudy.Scope mode = Understudy.withConsistency(Consistency.READ_YOUR_WRITES)) {
            ConsistencySession session = Understudy.currentSession();
            assertThat(session).isNotNull();
            assertThat(Understudy.currentConsistency()).isEqualTo(Consistency.READ_YOUR_WRITES);
            try (Understudy.Scope resumed = Understudy.withToken("d:0-1-5")) {
                assertThat(Understudy.consistencyToken()).isEqualTo("d:0-1-5");
                assertThat(Understudy.currentConsistency()).as("the mode is inherited").isEqualTo(Consistency.READ_YOUR_WRITES);
            }
            assertThat(Understudy.currentSession()).isSameAs(session);
        }
        assertThat(Understudy.currentSession()).isNull();
        assertThat(Understudy.currentConsistency()).isNull();
        assertThat(Understudy.consistencyToken()).isEmpty();
    }
}
