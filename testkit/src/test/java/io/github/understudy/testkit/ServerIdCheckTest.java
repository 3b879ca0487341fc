package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** A node is serving only when its own server answers, not another one that holds its port. */
class ServerIdCheckTest {

    private final InetSocketAddress address = new InetSocketAddress("127.0.0.1", 24001);

    @Test
    void aNodeAnsweringWithItsOwnServerIdIsServing() {
        assertThatCode(() -> ReplicationCluster.checkServerId("n2", address, 2, 2)).doesNotThrowAnyException();
    }

    @Test
    void anotherServerAnsweringOnTheNodesPortIsAnError() {
        assertThatThrownBy(() -> ReplicationCluster.checkServerId("n2", address, 2, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("n2 (127.0.0.1:24001) answered with server_id 1 instead of its own 2: another server "
                        + "holds its port");
    }
}
