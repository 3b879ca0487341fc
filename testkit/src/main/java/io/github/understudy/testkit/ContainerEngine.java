package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.ReplicationSql;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * Servers in Docker containers on one Docker network (replicas reach the master by its network alias). Faults
 * go through the Docker API: kill sends SIGKILL, pause freezes the container's cgroup.
 * <p>
 * Untested on the machines where Understudy is developed (they have no Docker engine); its test is skipped there.
 */
final class ContainerEngine implements Engine, Backend.Factory {

    private final String image;

    ContainerEngine(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image must name a MySQL 8.0.22+ or MariaDB image, but was '" + image + "'");
        }
        this.image = image;
    }

    /** @return whether a Docker engine answers, so callers can skip with a reason instead of failing */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "testcontainers:" + image;
    }

    @Override
    public Optional<String> whyUnavailable() {
        return dockerAvailable() ? Optional.empty() : Optional.of("no Docker engine answers on this machine");
    }

    @Override
    public Backend open() {
        if (!dockerAvailable()) {
            throw new IllegalStateException("Engine.testcontainers(" + image + ") needs a Docker engine, and none "
                    + "answers on this machine: use Engine.mariadb() or Engine.mysql()");
        }
        Flavor flavor = image.toLowerCase(Locale.ROOT).contains("mariadb") ? Flavor.MARIADB : Flavor.MYSQL;
        Network network = Network.newNetwork();
        ReplicationSql sql = new ReplicationSql(flavor, flavor == Flavor.MYSQL);
        return new Backend() {
            @Override
            public Flavor flavor() {
                return flavor;
            }

            @Override
            public String version() {
                return image;
            }

            @Override
            public ReplicationSql sql() {
                return sql;
            }

            @Override
            public ServerHandle server(NodeSpec spec) {
                return new ContainerServer(image, flavor, network, spec);
            }

            @Override
            public boolean supportsSemiSync() {
                return flavor == Flavor.MARIADB;
            }

            @Override
            public void close() {
                network.close();
            }
        };
    }

    /** One server in a container; the container is created on the first start and reused after stops. */
    private static final class ContainerServer implements ServerHandle {
        private final GenericContainer<?> container;
        private final NodeSpec spec;
        private boolean created;

        @SuppressWarnings("resource")
        ContainerServer(String image, Flavor flavor, Network network, NodeSpec spec) {
            this.spec = spec;
            this.container = new GenericContainer<>(image).withNetwork(network).withNetworkAliases(spec.name())
                    .withExposedPorts(3306).withCommand(arguments(flavor, spec).toArray(String[]::new));
            if (flavor == Flavor.MARIADB) {
                container.withEnv("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "1").withEnv("MARIADB_ROOT_HOST", "%");
            } else {
                container.withEnv("MYSQL_ALLOW_EMPTY_PASSWORD", "yes").withEnv("MYSQL_ROOT_HOST", "%");
            }
        }

        private static List<String> arguments(Flavor flavor, NodeSpec spec) {
            List<String> args = new ArrayList<>(List.of("--server-id=" + spec.serverId(), "--log-bin=mysql-bin",
                    "--binlog-format=ROW", "--skip-name-resolve", "--report-host=" + spec.name(),
                    "--read-only=" + (spec.replica() ? "ON" : "OFF"), "--innodb-buffer-pool-size=32M",
                    "--max-connections=" + spec.maxConnections()));
            if (flavor == Flavor.MARIADB) {
                args.addAll(List.of("--log-slave-updates=ON", "--slave-net-timeout=2", "--gtid-strict-mode=ON"));
                if (spec.semiSync()) { // as LocalServer's configuration
                    args.addAll(List.of("--rpl-semi-sync-slave-enabled=ON", "--init-rpl-role=SLAVE",
                            "--rpl-semi-sync-slave-kill-conn-timeout=1",
                            "--rpl-semi-sync-master-timeout=3600000", "--rpl-semi-sync-master-wait-point=AFTER_SYNC"));
                }
            } else {
                String gtid = spec.gtid() ? "ON" : "OFF";
                args.addAll(List.of("--log-replica-updates=ON", "--replica-net-timeout=2", "--gtid-mode=" + gtid,
                        "--enforce-gtid-consistency=" + gtid, "--super-read-only=" + (spec.replica() ? "ON" : "OFF")));
            }
            return args;
        }

        @Override
        public synchronized void start() {
            if (!created) {
                container.start();
                created = true;
            } else if (!isRunning()) {
                container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
            }
        }

        @Override
        public void stop() {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void kill() {
            container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("KILL").exec();
        }

        @Override
        public void pause() {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void resume() {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public boolean isRunning() {
            return created && Boolean.TRUE.equals(container.getDockerClient()
                    .inspectContainerCmd(container.getContainerId()).exec().getState().getRunning());
        }

        @Override
        public InetSocketAddress directAddress() {
            return new InetSocketAddress(container.getHost(), container.getMappedPort(3306));
        }

        @Override
        public InetSocketAddress replicationAddress() {
            return InetSocketAddress.createUnresolved(spec.name(), 3306);
        }

        @Override
        public void checkAlive() {
            if (!isRunning()) {
                throw new IllegalStateException(spec.name() + " (container) is not running:\n" + container.getLogs());
            }
        }

        @Override
        public void destroy() {
            container.stop();
            created = false;
        }
    }
}
