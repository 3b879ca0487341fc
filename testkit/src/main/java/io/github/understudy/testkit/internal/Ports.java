package io.github.understudy.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Ports for local servers, each handed to one server at a time. A free port found by binding port 0 and closing
 * the socket is free only until someone else binds it: the server starts later, and meanwhile another server of
 * the same cluster (or a proxy, or an outgoing connection) may get the same port. So ports come from below the
 * operating system's ephemeral range (which it never hands out by itself), each one is held, until released, in
 * this JVM and by a file lock that other JVMs respect, and is checked to be bindable before it is handed out.
 */
public final class Ports {

    private static final int LOWEST = 10_000;
    private static final Ports SHARED = new Ports(Cache.root().resolve("ports"), range());

    private final Path locks;
    private final List<Integer> range;
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();

    Ports(Path locks, List<Integer> range) {
        this.locks = locks;
        this.range = range;
    }

    /** {@return the ports of this JVM's servers} */
    public static Ports shared() {
        return SHARED;
    }

    /** A port held by one holder until it is released. */
    public final class Reservation implements AutoCloseable {

        private final int port;
        private final FileChannel channel;
        private final FileLock lock;

        private Reservation(int port, FileChannel channel, FileLock lock) {
            this.port = port;
            this.channel = channel;
            this.lock = lock;
        }

        public int port() {
            return port;
        }

        /** Gives the port back; it may be handed out again. */
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel, or with the process
            }
            held.remove(port);
        }

        @Override
        public String toString() {
            return "port " + port;
        }
    }

    /** {@return a port that no other holder has, and that nothing is bound to now} */
    public Reservation reserve() {
        int start = ThreadLocalRandom.current().nextInt(range.size());
        for (int i = 0; i < range.size(); i++) {
            Reservation reservation = tryReserve(range.get((start + i) % range.size()));
            if (reservation != null) {
                return reservation;
            }
        }
        throw new IllegalStateException("no free port in " + range.get(0) + ".." + range.get(range.size() - 1));
    }

    /**
     * {@return {@code port} again, for a server that restarts where it was}
     *
     * @throws IllegalStateException when another holder took it meanwhile, or something is bound to it
     */
    public Reservation reserve(int port) {
        Reservation reservation = tryReserve(port);
        if (reservation == null) {
            throw new IllegalStateException("port " + port + " was taken meanwhile");
        }
        return reservation;
    }

    private Reservation tryReserve(int port) {
        if (!held.add(port)) {
            return null;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(locks);
            channel = FileChannel.open(locks.resolve(port + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null && bindable(port)) {
                return new Reservation(port, channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held through another Ports of this JVM
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock a port under " + locks, e);
        }
        close(channel);
        held.remove(port);
        return null;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }

    /** The ports below the ephemeral range of the operating system (Linux's, when it tells it). */
    static List<Integer> range() {
        int ephemeralLow = 32_768;
        try {
            String text = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            ephemeralLow = Integer.parseInt(text.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux: 32768 is below the others' ranges (macOS and Windows start at 49152)
        }
        int high = ephemeralLow - 1 >= LOWEST + 1_000 ? ephemeralLow - 1 : 32_767;
        return IntStream.rangeClosed(LOWEST, high).boxed().toList();
    }
}
