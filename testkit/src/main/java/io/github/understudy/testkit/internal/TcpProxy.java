package io.github.understudy.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A TCP proxy on 127.0.0.1 in front of one server, through which the application (but not replication) reaches
 * it, so network faults can hit the application's path alone. Plain blocking sockets, two daemon threads per
 * connection: tests open tens of connections, not thousands. The target is asked at each connect, as a
 * container's mapped port may change when it restarts.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does to traffic. */
    public enum Mode {
        /** Forward everything. */
        PASS,
        /** Accept connections, then never answer: open and new connections both stop getting bytes back. */
        BLACKHOLE,
        /** Reset open connections and refuse (reset) new ones. */
        RESET
    }

    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object modeChanged = new Object();
    private final Supplier<InetSocketAddress> target;
    private volatile Mode mode = Mode.PASS;
    private volatile long latencyMillis;
    private volatile boolean closed;

    public TcpProxy(int listenPort, Supplier<InetSocketAddress> target) {
        this.target = target;
        try {
            listener = new ServerSocket(listenPort, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + listenPort, e);
        }
        daemon("understudy-proxy-" + port(), this::acceptLoop).start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    public void mode(Mode newMode) {
        synchronized (modeChanged) {
            mode = newMode;
            modeChanged.notifyAll();
        }
        if (newMode == Mode.RESET) {
            sockets.forEach(this::abort);
        }
    }

    /** Extra delay applied to every chunk forwarded, in both directions. */
    public void latency(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.RESET) {
                    abort(client);
                    continue;
                }
                sockets.add(client);
                daemon("understudy-proxy-" + port() + "-connect", () -> connect(client)).start();
            } catch (IOException e) {
                if (!closed) {
                    ServerProcess.sleep(10);
                }
            }
        }
    }

    private void connect(Socket client) {
        awaitForwarding();
        Socket server = new Socket();
        try {
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            server.connect(target.get(), 5_000);
            sockets.add(server);
            daemon("understudy-proxy-" + port() + "-up", () -> pump(client, server)).start();
            daemon("understudy-proxy-" + port() + "-down", () -> pump(server, client)).start();
        } catch (IOException e) {
            abort(client);
            abort(server);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitForwarding();
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: close both below
        } finally {
            close(from);
            close(to);
        }
    }

    /** Holds the bytes while blackholed, as a dropped network would; throws once reset. */
    private void awaitForwarding() {
        synchronized (modeChanged) {
            while (mode == Mode.BLACKHOLE && !closed) {
                try {
                    modeChanged.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (mode == Mode.RESET) {
            throw new UncheckedIOException(new IOException("reset by the proxy"));
        }
    }

    private void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        close(socket);
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (UncheckedIOException e) {
                // a reset connection: already aborted
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        mode(Mode.PASS);
        try {
            listener.close();
        } catch (IOException e) {
            // nothing left to do
        }
        sockets.forEach(this::close);
    }
}
