package io.github.understudy.spring.boot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;

/** Properties for a DataSource whose hosts refuse connections: it starts degraded, with no server at all. */
public final class Offline {

    private Offline() {
    }

    /** {@return a 127.0.0.1 address on which nothing listens} */
    public static String closedAddress() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param hosts the value of understudy.hosts
     * @param extra more properties, {@code name=value}
     * @return the credentials, fast probes and start-degraded, then {@code extra}
     */
    public static String[] properties(String hosts, String... extra) {
        List<String> properties = new ArrayList<>(List.of("understudy.hosts=" + hosts,
                "understudy.username=app", "understudy.password=secret",
                "understudy.admin.username=admin", "understudy.admin.password=secret",
                "understudy.start-degraded=true", "understudy.probe-timeout=200ms"));
        properties.addAll(Arrays.asList(extra));
        return properties.toArray(String[]::new);
    }

    /**
     * Adds properties as an application.properties file would hold them: test property values cannot have a
     * {@code :} in a name, as in {@code understudy.weights[db2\\:3306]}.
     *
     * @param lines the lines of the file
     * @return an initializer that adds them to the environment
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> propertiesFile(String... lines) {
        return context -> {
            try {
                byte[] file = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                new PropertiesPropertySourceLoader().load("test.properties", new ByteArrayResource(file))
                        .forEach(source -> context.getEnvironment().getPropertySources().addFirst(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** {@return the properties-file form of a host:port in a map key: the colon escaped} */
    public static String escaped(String address) {
        return address.replace(":", "\\:");
    }
}
