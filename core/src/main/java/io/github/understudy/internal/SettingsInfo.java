package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.LagSource;
import io.github.understudy.Setting;
import io.github.understudy.jdbc.InvalidJdbcUrlException;

import java.sql.DriverPropertyInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The settings as {@link DriverPropertyInfo}s, for {@code Driver.getPropertyInfo}: every {@link Setting} by its
 * key, with its description, whether it is required, its choices, and the value the URL or the properties give
 * (the default otherwise). Secrets have no value here.
 */
public final class SettingsInfo {

    private static final Set<Setting> REQUIRED = EnumSet.of(Setting.HOSTS, Setting.DATABASE, Setting.USERNAME,
            Setting.PASSWORD, Setting.ADMIN_USERNAME, Setting.ADMIN_PASSWORD);

    private static final String[] BOOLEAN = {"true", "false"};

    private SettingsInfo() {
    }

    /**
     * Describes every setting. A URL that does not parse yet (a tool asks while the user types) contributes nothing.
     *
     * @param url  the URL so far
     * @param info its properties, or null
     * @return one entry per setting, in {@link Setting} order
     */
    public static DriverPropertyInfo[] of(String url, Properties info) {
        Map<Setting, String> given = given(url, info);
        List<DriverPropertyInfo> infos = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String value = setting.isSecret() ? null : given.getOrDefault(setting, setting.defaultValue().orElse(null));
            DriverPropertyInfo property = new DriverPropertyInfo(setting.key(), value);
            property.description = setting.description();
            property.required = REQUIRED.contains(setting);
            property.choices = choices(setting);
            infos.add(property);
        }
        return infos.toArray(DriverPropertyInfo[]::new);
    }

    private static Map<Setting, String> given(String url, Properties info) {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        try {
            JdbcUrl parsed = JdbcUrl.parse(url);
            given.put(Setting.HOSTS, String.join(",", parsed.hosts()));
            given.put(Setting.DATABASE, parsed.database());
            parsed.parameters().forEach(p -> SettingNames.setting(p.getKey())
                    .ifPresent(s -> given.put(s, p.getValue())));
        } catch (InvalidJdbcUrlException | RuntimeException e) {
            // not a whole URL yet: describe the settings without its values
        }
        if (info != null) {
            info.stringPropertyNames().forEach(name -> SettingNames.setting(name)
                    .ifPresent(s -> given.put(s, info.getProperty(name))));
        }
        return given;
    }

    private static String[] choices(Setting setting) {
        return switch (setting) {
            case LAG_SOURCE -> names(LagSource.values());
            case CONSISTENCY -> names(Consistency.values());
            case READ_STRATEGY -> readStrategies();
            case FAILOVER_STRATEGY -> new String[] {"most-advanced-replica", "none", "external"};
            case READ_FALLBACK_TO_MASTER, RETRY_READS, START_DEGRADED -> BOOLEAN.clone();
            default -> null;
        };
    }

    private static String[] readStrategies() {
        List<String> names = new ArrayList<>(Selectors.NAMES);
        names.add("weighted");
        return names.toArray(String[]::new);
    }

    private static String[] names(Enum<?>[] constants) {
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = TextValues.kebab(constants[i]);
        }
        return names;
    }
}
