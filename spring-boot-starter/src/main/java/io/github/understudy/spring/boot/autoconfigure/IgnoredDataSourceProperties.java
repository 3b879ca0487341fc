package io.github.understudy.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Boot's DataSource properties that an application with Understudy may still carry from before: Understudy replaces
 * that DataSource, so they do nothing, and a pool size set there would silently not apply. Found so that the
 * auto-configuration can say so once, at start.
 */
final class IgnoredDataSourceProperties {

    private static final List<String> SINGLE = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.datasource.driver-class-name", "spring.datasource.type");
    private static final String HIKARI = "spring.datasource.hikari";

    private IgnoredDataSourceProperties() {
    }

    /** {@return the ignored properties that are set, {@code spring.datasource.hikari.*} as one entry} */
    static List<String> in(Environment environment) {
        List<String> set = new ArrayList<>();
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
        for (String name : SINGLE) {
            if (any(sources, source -> source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null)) {
                set.add(name);
            }
        }
        ConfigurationPropertyName hikari = ConfigurationPropertyName.of(HIKARI);
        if (any(sources, source -> source.containsDescendantOf(hikari) == ConfigurationPropertyState.PRESENT)) {
            set.add(HIKARI + ".*");
        }
        return set;
    }

    /** {@return the warning for {@code set}, naming what to use instead} */
    static String warning(String dataSourceName, List<String> set) {
        return dataSourceName + " - " + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                + " set but not used: Understudy replaces Boot's DataSource. Configure understudy.hosts, "
                + "understudy.username/password and understudy.pool.master.* / understudy.pool.replica.* instead";
    }

    private static boolean any(Iterable<ConfigurationPropertySource> sources,
            java.util.function.Predicate<ConfigurationPropertySource> test) {
        for (ConfigurationPropertySource source : sources) {
            if (test.test(source)) {
                return true;
            }
        }
        return false;
    }
}
