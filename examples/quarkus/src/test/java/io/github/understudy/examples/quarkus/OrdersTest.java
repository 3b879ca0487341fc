package io.github.understudy.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.testkit.ClusterNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/** The application, configured only by its jdbc:understudy: URL, on a real cluster: routing and a failover. */
@QuarkusTest
@QuarkusTestResource(ClusterResource.class)
class OrdersTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/orders")
    URI orders;

    @Test
    void writesOnTheMasterReadsOnAReplicaAndWritesGoOnAfterAKilledMaster() throws Exception {
        ClusterNode master = ClusterResource.cluster.master();
        assertThat(post("book")).contains("\"servedBy\":" + master.serverId());
        ClusterResource.cluster.awaitReplicasCaughtUp();
        String read = get();
        assertThat(read).contains("book").doesNotContain("\"servedBy\":" + master.serverId());

        master.kill();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(post("lamp"))
                .contains("\"item\":\"lamp\"").doesNotContain("\"servedBy\":" + master.serverId()));
    }

    /** What the README says of Agroal: a connection returned read-only comes back writable to the next borrower. */
    @Test
    void agroalSetsReadOnlyBackWhenAConnectionReturns() throws SQLException {
        for (int i = 0; i < 3; i++) {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.isReadOnly()).isFalse();
                connection.setReadOnly(true);
            }
        }
    }

    private String post(String item) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(orders + "?item=" + item))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private String get() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(orders).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
