package io.github.understudy.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy in front of a tiny echo server: each mode does what it says. */
class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(this::serveEcho, "echo");
        server.setDaemon(true);
        server.start();
        proxy = new TcpProxy(0, () -> new InetSocketAddress("127.0.0.1", echo.getLocalPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private void serveEcho() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread thread = new Thread(() -> {
                    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // client gone
                    }
                });
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private Socket client(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    private static int roundTrip(Socket socket) throws IOException {
        socket.getOutputStream().write(42);
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket socket = client(2_000)) {
            assertThat(roundTrip(socket)).isEqualTo(42);
        }
    }

    @Test
    void blackholeAcceptsButNeverAnswersOpenOrNewConnections() throws IOException {
        try (Socket open = client(300)) {
            assertThat(roundTrip(open)).isEqualTo(42);
            proxy.mode(TcpProxy.Mode.BLACKHOLE);

            assertThatThrownBy(() -> roundTrip(open)).isInstanceOf(SocketTimeoutException.class);
            try (Socket fresh = client(300)) {
                assertThatThrownBy(() -> roundTrip(fresh)).isInstanceOf(SocketTimeoutException.class);
            }
            proxy.mode(TcpProxy.Mode.PASS);
            open.setSoTimeout(2_000);
            assertThat(open.getInputStream().read()).as("the held byte arrives after healing").isEqualTo(42);
        }
    }

    @Test
    void resetBreaksOpenConnectionsAndRefusesNewOnes() throws IOException {
        try (Socket open = client(2_000)) {
            assertThat(roundTrip(open)).isEqualTo(42);
            proxy.mode(TcpProxy.Mode.RESET);

            assertThatThrownBy(() -> {
                roundTrip(open);
                roundTrip(open);
            }).isInstanceOf(SocketException.class);
        }
        try (Socket fresh = client(2_000)) {
            assertThatThrownBy(() -> {
                roundTrip(fresh);
                roundTrip(fresh);
            }).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void latencyDelaysEachChunkPastAShortReadTimeout() throws IOException {
        proxy.latency(Duration.ofMillis(800));
        try (Socket socket = client(200)) {
            assertThatThrownBy(() -> roundTrip(socket)).isInstanceOf(SocketTimeoutException.class);
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).isEqualTo(42);
        }
    }
}
