package io.github.understudy.testkit.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pid files of the servers this user's testkit runs started, so that servers left behind by a JVM that was
 * killed (and whose watchdog died with it) are found and stopped the next time a cluster starts.
 */
public final class ProcessRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRegistry.class);
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    private ProcessRegistry() {
    }

    static Path directory() {
        return Cache.root().resolve("running");
    }

    static void register(long serverPid, Path nodeDirectory) throws IOException {
        Files.createDirectories(directory());
        Files.writeString(directory().resolve(serverPid + ".pid"),
                ProcessHandle.current().pid() + " " + nodeDirectory + "\n");
    }

    static void unregister(long serverPid) {
        try {
            Files.deleteIfExists(directory().resolve(serverPid + ".pid"));
        } catch (IOException e) {
            LOG.debug("cannot delete the pid file of {}", serverPid, e);
        }
    }

    /** Once per JVM: kills recorded servers whose owning JVM is gone. Returns how many were killed. */
    public static int reapOrphans() {
        return REAPED.compareAndSet(false, true) ? reapNow() : 0;
    }

    static int reapNow() {
        if (!Files.isDirectory(directory())) {
            return 0;
        }
        int killed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "*.pid")) {
            for (Path file : files) {
                killed += reap(file) ? 1 : 0;
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: orphaned servers from earlier runs may still be running", directory(), e);
        }
        return killed;
    }

    private static boolean reap(Path file) throws IOException {
        String name = file.getFileName().toString();
        long serverPid = Long.parseLong(name.substring(0, name.length() - ".pid".length()));
        String[] content = Files.readString(file).trim().split(" ", 2);
        long ownerPid = Long.parseLong(content[0]);
        if (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Files.deleteIfExists(file);
        Optional<ProcessHandle> server = ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)
                .filter(ProcessRegistry::isDatabaseServer);
        server.ifPresent(handle -> {
            LOG.warn("killing orphaned server {} ({}) left by JVM {}", serverPid,
                    content.length > 1 ? content[1] : "?", ownerPid);
            handle.destroyForcibly();
        });
        return server.isPresent();
    }

    private static boolean isDatabaseServer(ProcessHandle handle) {
        String command = handle.info().command().orElse("");
        return command.endsWith("mysqld") || command.endsWith("mariadbd");
    }
}
