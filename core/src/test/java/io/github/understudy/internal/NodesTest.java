package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

class NodesTest {

    @Test
    void stoppingOnAnInterruptedThreadClosesEveryNodeUninterruptedAndKeepsTheInterrupt() {
        List<Boolean> interruptedAtClose = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Node node = mock(Node.class);
            doAnswer(invocation -> interruptedAtClose.add(Thread.currentThread().isInterrupted())).when(node).close();
            nodes.add(node);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

        Thread.currentThread().interrupt();
        Nodes.stop(scheduler, nodes, Duration.ofMillis(100));

        assertThat(Thread.interrupted()).as("the caller's interrupt, kept").isTrue();
        assertThat(interruptedAtClose).containsExactly(false, false);
        assertThat(scheduler.isShutdown()).isTrue();
    }
}
