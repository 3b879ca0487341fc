package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.Cache;
import io.github.understudy.testkit.internal.LocalInstall;
import io.github.understudy.testkit.internal.ReplicationSql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Servers run as local processes from an install on this machine (extracted from a jar, or a system binary). */
final class LocalEngine implements Engine, Backend.Factory {

    private final String name;
    private final Supplier<LocalInstall> install;
    private final Supplier<String> unavailable;

    LocalEngine(String name, Supplier<LocalInstall> install, Supplier<String> unavailable) {
        this.name = name;
        this.install = install;
        this.unavailable = unavailable;
    }

    @Override
    public Optional<String> whyUnavailable() {
        return Optional.ofNullable(unavailable.get());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Backend open() {
        LocalInstall local = install.get();
        Path template = local.template();
        Path tls = local.flavor() == Flavor.MARIADB ? tlsCertificate() : null;
        ReplicationSql sql = new ReplicationSql(local);
        return new Backend() {
            @Override
            public Flavor flavor() {
                return local.flavor();
            }

            @Override
            public String version() {
                return local.version();
            }

            @Override
            public ReplicationSql sql() {
                return sql;
            }

            @Override
            public ServerHandle server(NodeSpec spec) {
                return new LocalServer(local, template, tls, spec);
            }

            @Override
            public boolean supportsSemiSync() {
                return local.flavor() == Flavor.MARIADB;
            }

            @Override
            public void close() {
                // servers are closed one by one by the cluster
            }
        };
    }

    /**
     * Without a configured certificate MariaDB 11.4 generates one at every start, which costs 5-11 s: make one
     * once and reuse it.
     */
    private static Path tlsCertificate() {
        return Cache.entry("tls", directory -> {
            try {
                java.nio.file.Files.createDirectories(directory);
                Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048",
                        "-nodes", "-keyout", directory.resolve("key.pem").toString(), "-out",
                        directory.resolve("cert.pem").toString(), "-days", "3650", "-subj", "/CN=127.0.0.1"))
                        .redirectErrorStream(true).start();
                String output = new String(openssl.getInputStream().readAllBytes());
                if (openssl.waitFor() != 0) {
                    throw new IllegalStateException("openssl failed to make a test certificate: " + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the MariaDB engine needs the openssl command to make a test "
                        + "certificate once (apt-get install -y openssl)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
