package io.github.understudy.spring.boot.autoconfigure.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.Consistency;
import io.github.understudy.Understudy;
import io.github.understudy.spring.boot.consistency.ConsistencyTokenFilter;
import io.github.understudy.spring.boot.consistency.Consistent;
import io.github.understudy.spring.boot.consistency.ConsistentAdvisor;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.SimpleTransactionStatus;

class UnderstudyConsistencyAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnderstudyConsistencyAutoConfiguration.class))
            .withBean(RecordingTransactionManager.class).withBean(Orders.class).withBean(Reports.class);

    @Test
    void registersTheAdvisorAsInfrastructure() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConsistentAdvisor.class);
            assertThat(context.getBeanFactory().getBeanDefinition("consistentAdvisor").getRole())
                    .isEqualTo(BeanDefinition.ROLE_INFRASTRUCTURE);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesAnAdvisor() {
        runner.withBean("ownAdvisor", ConsistentAdvisor.class).run(context -> assertThat(context)
                .hasSingleBean(ConsistentAdvisor.class).hasBean("ownAdvisor"));
    }

    @Test
    void theTransactionBeginsInsideTheScopeWithBootsAopAndTransactionSupport() {
        runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TransactionAutoConfiguration.class))
                .run(context -> assertTheTransactionBeginsInsideTheScope(context.getBean(Orders.class),
                        context.getBean(Reports.class), context.getBean(RecordingTransactionManager.class)));
    }

    @Test
    void theTransactionBeginsInsideTheScopeWithEnableTransactionManagementAlone() {
        runner.withUserConfiguration(PlainTransactions.class)
                .run(context -> assertTheTransactionBeginsInsideTheScope(context.getBean(Orders.class),
                        context.getBean(Reports.class), context.getBean(RecordingTransactionManager.class)));
    }

    @Test
    void noTokenFilterUnlessEnabled() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UnderstudyConsistencyAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
                        .doesNotHaveBean(UnderstudyConsistencyTokenProperties.class));
    }

    @Test
    void noTokenFilterOutsideServletApplications() {
        runner.withPropertyValues("understudy.web.consistency-token.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void theTokenFilterUsesItsProperties() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UnderstudyConsistencyAutoConfiguration.class))
                .withPropertyValues("understudy.web.consistency-token.enabled=true",
                        "understudy.web.consistency-token.header=X-Session",
                        "understudy.web.consistency-token.cookie=ryw",
                        "understudy.web.consistency-token.filter-order=5")
                .run(context -> {
                    FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
                    assertThat(registration.getOrder()).isEqualTo(5);
                    assertThat(registration.getFilter()).isInstanceOf(ConsistencyTokenFilter.class);
                    MockHttpServletRequest request = new MockHttpServletRequest();
                    request.addHeader("X-Session", "d:0-1-7");
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    registration.getFilter().doFilter(request, response, (req, res) -> { });
                    assertThat(response.getHeader("X-Session")).isEqualTo("d:0-1-7");
                    assertThat(response.getCookie("ryw").getValue()).isEqualTo("d:0-1-7");
                });
    }

    @Test
    void theTokenFilterDefaultsToItsHeaderBeforeSpringSecurity() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UnderstudyConsistencyAutoConfiguration.class))
                .withPropertyValues("understudy.web.consistency-token.enabled=true")
                .run(context -> {
                    UnderstudyConsistencyTokenProperties properties =
                            context.getBean(UnderstudyConsistencyTokenProperties.class);
                    assertThat(properties.getHeader()).isEqualTo(ConsistencyTokenFilter.DEFAULT_HEADER);
                    assertThat(properties.getCookie()).isNull();
                    assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isLessThan(-100);
                });
    }

    private static void assertTheTransactionBeginsInsideTheScope(Orders orders, Reports reports,
            RecordingTransactionManager transactions) {
        assertThat(orders.place()).isEqualTo(Consistency.READ_YOUR_WRITES);
        assertThat(orders.withoutMode()).isNull();
        assertThat(reports.daily()).isEqualTo(Consistency.STRONG);
        assertThat(reports.live()).isEqualTo(Consistency.EVENTUAL);
        assertThat(transactions.modes).containsExactly(Consistency.READ_YOUR_WRITES, null, Consistency.STRONG,
                Consistency.EVENTUAL);
        assertThat(transactions.sessions).containsExactly(true, false, false, false);
        assertThat(Understudy.currentConsistency()).isNull();
    }

    /** Records the mode and session bound to the thread when each transaction begins. */
    static class RecordingTransactionManager implements PlatformTransactionManager {

        final List<Consistency> modes = new ArrayList<>();
        final List<Boolean> sessions = new ArrayList<>();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            modes.add(Understudy.currentConsistency());
            sessions.add(Understudy.currentSession() != null);
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }

    static class Orders {

        @Consistent(Consistency.READ_YOUR_WRITES)
        @Transactional
        public Consistency place() {
            return Understudy.currentConsistency();
        }

        @Transactional
        public Consistency withoutMode() {
            return Understudy.currentConsistency();
        }
    }

    @Consistent(Consistency.STRONG)
    @Transactional(readOnly = true)
    static class Reports {

        public Consistency daily() {
            return Understudy.currentConsistency();
        }

        @Consistent(Consistency.EVENTUAL)
        public Consistency live() {
            return Understudy.currentConsistency();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class PlainTransactions {
    }
}
