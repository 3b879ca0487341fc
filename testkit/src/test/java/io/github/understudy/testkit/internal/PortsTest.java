package io.github.understudy.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers never get the same port, however many ask at once. */
class PortsTest {

    @TempDir
    Path locks;

    @Test
    void manyThreadsReservingAtOnceNeverGetTheSamePort() throws Exception {
        // A narrow range, so that the threads collide on every candidate.
        int base = Math.min(freePort(), 60_000);
        Ports ports = new Ports(locks, IntStream.rangeClosed(base, base + 400).boxed().toList());
        int threads = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Ports.Reservation>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                go.await();
                List<Ports.Reservation> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(ports.reserve());
                }
                return mine;
            }));
        }
        go.countDown();
        Set<Integer> seen = new HashSet<>();
        List<Ports.Reservation> all = new ArrayList<>();
        for (Future<List<Ports.Reservation>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        all.forEach(r -> assertThat(seen.add(r.port())).as("port %d handed out twice", r.port()).isTrue());
        assertThat(seen).hasSize(threads * each);
        all.forEach(Ports.Reservation::close);
    }

    @Test
    void aPortIsHandedOutAgainOnlyOnceReleased() throws IOException {
        int port = freePort();
        Ports ports = new Ports(locks, List.of(port));
        Ports.Reservation first = ports.reserve();

        assertThatThrownBy(ports::reserve).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ports.reserve(port)).isInstanceOf(IllegalStateException.class);

        first.close();
        try (Ports.Reservation again = ports.reserve(port)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void aPortSomethingIsBoundToIsNeverHandedOut() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int free = freePort();
            Ports ports = new Ports(locks, List.of(taken.getLocalPort(), free));

            try (Ports.Reservation reservation = ports.reserve()) {
                assertThat(reservation.port()).isEqualTo(free);
            }
        }
    }

    /** Another JVM holds its ports by the same lock files. */
    @Test
    void aPortAnotherHolderLockedIsNeverHandedOut() throws IOException {
        int locked = freePort();
        int free = freePort();
        Ports ports = new Ports(locks, List.of(locked, free));
        Ports other = new Ports(locks, List.of(locked));
        try (Ports.Reservation held = other.reserve()) {
            assertThat(held.port()).isEqualTo(locked);
            try (Ports.Reservation reservation = ports.reserve()) {
                assertThat(reservation.port()).isEqualTo(free);
            }
        }
    }

    @Test
    void thePortsComeFromBelowTheEphemeralRange() {
        List<Integer> range = Ports.range();

        assertThat(range.get(0)).isEqualTo(10_000);
        assertThat(range.get(range.size() - 1)).isLessThan(49_152);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
