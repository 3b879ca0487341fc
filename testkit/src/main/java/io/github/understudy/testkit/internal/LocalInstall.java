package io.github.understudy.testkit.internal;

import io.github.understudy.testkit.Flavor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server installation on this machine: where its binary is, which flavor and version it is, and an
 * initialised data directory (a template copied for every node, so nodes start in well under a second).
 */
public record LocalInstall(Flavor flavor, String version, Path basedir, Path server) {

    private static final Pattern VERSION = Pattern.compile("Ver (\\d+\\.\\d+\\.\\d+)(-MariaDB)?");

    /** Identifies a binary from its {@code --version} output; basedir is the parent of its {@code bin}/{@code sbin}. */
    public static LocalInstall ofBinary(Path server) {
        if (!Files.isExecutable(server)) {
            throw new IllegalArgumentException("binary must be an executable mysqld or mariadbd, but was " + server);
        }
        String output = run(List.of(server.toString(), "--version"), null);
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("binary must print 'Ver x.y.z' for --version, but " + server
                    + " printed: " + output.trim());
        }
        boolean mariadb = matcher.group(2) != null || output.toLowerCase(Locale.ROOT).contains("mariadb");
        return new LocalInstall(mariadb ? Flavor.MARIADB : Flavor.MYSQL, matcher.group(1),
                server.toAbsolutePath().getParent().getParent(), server.toAbsolutePath());
    }

    /** MySQL 8.0.22 renamed MASTER/SLAVE to SOURCE/REPLICA in statements (and 8.4 dropped the old words). */
    public boolean usesReplicaSyntax() {
        return flavor == Flavor.MYSQL && compareVersion("8.0.22") >= 0;
    }

    /** MySQL 8.0.26 renamed the replication system variables as well. */
    public boolean usesReplicaVariables() {
        return flavor == Flavor.MYSQL && compareVersion("8.0.26") >= 0;
    }

    int compareVersion(String other) {
        String[] a = version.split("\\.");
        String[] b = other.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The initialised template data directory for this install, built once into the cache. */
    public Path template() {
        String key = "template-" + flavor.name().toLowerCase(Locale.ROOT) + "-" + version + "-"
                + Integer.toHexString(server.toString().hashCode());
        return Cache.entry(key, this::initialise).resolve("data");
    }

    private void initialise(Path directory) {
        try {
            Files.createDirectories(directory);
            Path data = directory.resolve("data");
            if (flavor == Flavor.MARIADB) {
                initialiseMariaDb(data);
            } else {
                initialiseMySql(directory, data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise a data directory for " + server, e);
        }
    }

    private void initialiseMariaDb(Path data) {
        List<String> command = new ArrayList<>(List.of("bash", installDbScript().toString(), "--no-defaults",
                "--basedir=" + basedir, "--datadir=" + data, "--auth-root-authentication-method=normal",
                "--skip-test-db", "--skip-name-resolve", "--innodb-log-file-size=8M", "--innodb-undo-tablespaces=0"));
        userArgument().ifPresent(command::add);
        run(command, data.resolveSibling("install-db.log"));
    }

    private void initialiseMySql(Path directory, Path data) throws IOException {
        // root@localhost is all --initialize creates, and JDBC can't use the unix socket: add root@127.0.0.1.
        Path init = directory.resolve("init.sql");
        Files.writeString(init, "CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '';\n"
                + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n");
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults", "--initialize-insecure",
                "--basedir=" + basedir, "--datadir=" + data, "--innodb-log-file-size=8M", "--init-file=" + init));
        userArgument().ifPresent(command::add);
        run(command, directory.resolve("initialize.log"));
        // Every copy must generate its own server_uuid, or replication refuses to run.
        Files.deleteIfExists(data.resolve("auto.cnf"));
    }

    private Path installDbScript() {
        for (String candidate : List.of("scripts/mariadb-install-db", "bin/mariadb-install-db",
                "scripts/mysql_install_db", "bin/mysql_install_db")) {
            Path script = basedir.resolve(candidate);
            if (Files.exists(script)) {
                return script;
            }
        }
        throw new IllegalStateException("no mariadb-install-db script under " + basedir
                + " (looked in scripts/ and bin/)");
    }

    /** Servers refuse to run as root unless told to; as any other user the option must be left out. */
    static java.util.Optional<String> userArgument() {
        return "root".equals(System.getProperty("user.name"))
                ? java.util.Optional.of("--user=root") : java.util.Optional.empty();
    }

    static String run(List<String> command, Path log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (log != null) {
                Files.createDirectories(log.getParent());
                Files.writeString(log, text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ":\n" + tail(text, 20));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
