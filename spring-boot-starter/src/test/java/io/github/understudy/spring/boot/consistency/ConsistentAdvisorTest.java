package io.github.understudy.spring.boot.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.understudy.Consistency;
import io.github.understudy.ConsistencySession;
import io.github.understudy.Understudy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;

/** Where {@link Consistent} is found, and the scope it opens around each call. */
class ConsistentAdvisorTest {

    @AfterEach
    void nothingLeftBound() {
        assertThat(Understudy.currentConsistency()).isNull();
        assertThat(Understudy.currentSession()).isNull();
    }

    @Test
    void theMethodAnnotationWinsOverTheClassAnnotation() {
        Reports reports = proxy(new Reports());
        assertThat(reports.daily()).isEqualTo(Consistency.STRONG);
        assertThat(reports.live()).isEqualTo(Consistency.EVENTUAL);
        assertThat(reports.toString()).isEqualTo("reports");
    }

    @Test
    void anUnannotatedMethodRunsWithoutScope() {
        assertThat(proxy(new Orders()).plain()).isNull();
    }

    @Test
    void anAnnotationOnTheInterfaceCounts() {
        Catalog catalog = proxy(new JdbcCatalog());
        assertThat(catalog.find()).isEqualTo(Consistency.STRONG);
    }

    @Test
    void readYourWritesStartsASessionThatNestedCallsShare() {
        Orders orders = proxy(new Orders());
        Orders.Seen seen = orders.placeAndShow(proxy(new Reports()));
        assertThat(seen.outer()).isEqualTo(Consistency.READ_YOUR_WRITES);
        assertThat(seen.outerSession()).isNotNull();
        assertThat(seen.inner()).isEqualTo(Consistency.STRONG);
        assertThat(seen.innerSession()).isSameAs(seen.outerSession());
        assertThat(seen.afterInner()).isEqualTo(Consistency.READ_YOUR_WRITES);
    }

    @Test
    void aFailingCallClosesItsScope() {
        assertThatIllegalStateException().isThrownBy(() -> proxy(new Orders()).fail());
    }

    @Test
    void isOrderedFirst() {
        assertThat(new ConsistentAdvisor().getOrder()).isEqualTo(Integer.MIN_VALUE);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(!(target instanceof Catalog));
        factory.addAdvisor(new ConsistentAdvisor());
        return (T) factory.getProxy();
    }

    @Consistent(Consistency.STRONG)
    static class Reports {

        public Consistency daily() {
            return Understudy.currentConsistency();
        }

        @Consistent(Consistency.EVENTUAL)
        public Consistency live() {
            return Understudy.currentConsistency();
        }

        public ConsistencySession session() {
            return Understudy.currentSession();
        }

        @Override
        public String toString() {
            return Understudy.currentConsistency() == null ? "reports" : "bound";
        }
    }

    static class Orders {

        record Seen(Consistency outer, ConsistencySession outerSession, Consistency inner,
                ConsistencySession innerSession, Consistency afterInner) {
        }

        @Consistent(Consistency.READ_YOUR_WRITES)
        public Seen placeAndShow(Reports reports) {
            Consistency outer = Understudy.currentConsistency();
            ConsistencySession outerSession = Understudy.currentSession();
            Consistency inner = reports.daily();
            ConsistencySession innerSession = reports.session();
            return new Seen(outer, outerSession, inner, innerSession, Understudy.currentConsistency());
        }

        public Consistency plain() {
            return Understudy.currentConsistency();
        }

        @Consistent(Consistency.STRONG)
        public void fail() {
            throw new IllegalStateException("boom");
        }
    }

    interface Catalog {

        @Consistent(Consistency.STRONG)
        Consistency find();
    }

    static class JdbcCatalog implements Catalog {

        @Override
        public Consistency find() {
            return Understudy.currentConsistency();
        }
    }
}
