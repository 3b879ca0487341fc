package io.github.understudy.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.consistency.UnderstudyConsistencyAutoConfiguration;
import io.github.understudy.spring.boot.consistency.ConsistencyTokenFilter;
import io.github.understudy.spring.boot.it.Ledger.Outcome;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import jakarta.servlet.Filter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * With replica n2 applying everything 3 s late: {@code @Consistent(READ_YOUR_WRITES)} around {@code @Transactional}
 * service calls reads every write it made, where eventual reads miss some; and the token filter carries the
 * writes of one HTTP request to the reads of the next.
 */
@WithReplicationCluster(engine = "mariadb", replicas = 2)
class ReadYourWritesIT {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final int PAIRS = 300;
    private static final int REQUESTS = 30;
    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
            UnderstudyAutoConfiguration.class, DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            TransactionAutoConfiguration.class, AopAutoConfiguration.class,
            UnderstudyConsistencyAutoConfiguration.class);

    private final ReplicationCluster cluster;
    private String[] properties;

    ReadYourWritesIT(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void lagOneReplica() {
        String table = "ryw" + TABLES.incrementAndGet();
        cluster.execute(cluster.master(), "CREATE TABLE " + cluster.database() + "." + table
                + " (id INT PRIMARY KEY, v INT)");
        cluster.awaitReplicasCaughtUp();
        cluster.node("n2").delayReplication(Duration.ofSeconds(3)); // a read on n2 misses the last 3 s of writes
        properties = ClusterProperties.of(cluster, "understudy.max-replica-lag=10s", "ledger.table=" + table);
    }

    @AfterEach
    void noDelay() {
        cluster.node("n2").delayReplication(Duration.ZERO);
    }

    @Test
    void aConsistentCallerReadsEveryWriteItMade() {
        application().run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            Outcome outcome = context.getBean(Ledger.Pairs.class).readingYourWrites(1, PAIRS);

            assertThat(outcome.stale()).as("stale reads out of " + PAIRS + ": " + outcome).isZero();
            assertThat(outcome.readsByServer()).as("reads per server_id")
                    .doesNotContainKey(cluster.node("n2").serverId())
                    .containsKey(cluster.node("n3").serverId());
        });
    }

    @Test
    void withoutTheAnnotationReadsAreEventualAndSomeAreStale() {
        application().run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            Outcome outcome = context.getBean(Ledger.Pairs.class).eventually(1, PAIRS);

            assertThat(outcome.stale()).as("reads on the lagging n2 miss the write: " + outcome).isPositive();
            assertThat(outcome.readsByServer()).containsKey(cluster.node("n2").serverId());
        });
    }

    @Test
    void theTokenCarriesTheWritesOfOneRequestToTheReadsOfTheNext() {
        webApplication().withPropertyValues("understudy.consistency=read-your-writes",
                "understudy.web.consistency-token.enabled=true")
                .run(context -> {
                    ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
                    Filter filter = context.getBean(FilterRegistrationBean.class).getFilter();
                    MockMvc mvc = MockMvcBuilders.standaloneSetup(context.getBean(Ledger.Controller.class))
                            .addFilters(filter).build();
                    int staleWithToken = 0;
                    int staleWithout = 0;
                    for (int i = 1; i <= REQUESTS; i++) {
                        String token = write(mvc, i).getHeader(ConsistencyTokenFilter.DEFAULT_HEADER);
                        assertThat(token).as("token of the write request").isNotBlank();
                        staleWithToken += read(mvc, i, token).getStatus() == 404 ? 1 : 0;
                    }
                    for (int i = REQUESTS + 1; i <= 2 * REQUESTS; i++) {
                        write(mvc, i);
                        staleWithout += read(mvc, i, null).getStatus() == 404 ? 1 : 0;
                    }
                    assertThat(staleWithToken).as("stale reads with the token, out of " + REQUESTS).isZero();
                    assertThat(staleWithout).as("stale reads without a token, out of " + REQUESTS).isPositive();
                });
    }

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).withPropertyValues(properties)
                .withUserConfiguration(Ledger.Application.class);
    }

    private WebApplicationContextRunner webApplication() {
        return new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
                .withPropertyValues(properties).withUserConfiguration(Ledger.Application.class);
    }

    private static MockHttpServletResponse write(MockMvc mvc, int id) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/entries/{id}", id)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    private static MockHttpServletResponse read(MockMvc mvc, int id, String token) throws Exception {
        var request = get("/entries/{id}", id);
        if (token != null) {
            request.header(ConsistencyTokenFilter.DEFAULT_HEADER, token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
