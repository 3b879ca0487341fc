package io.github.understudy.internal;

import io.github.understudy.Setting;

import com.mysql.cj.jdbc.NonRegisteringDriver;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Tells the names of a URL's parameters apart: Understudy's settings ({@link Setting}), Connector/J's properties,
 * names that look like a mistyped Understudy setting (refused, with a suggestion), and the rest (passed on to
 * Connector/J, which ignores what it does not know).
 */
final class SettingNames {

    /** JDBC's name for the user, which {@code DriverManager.getConnection(url, user, password)} passes. */
    public static final String JDBC_USER = "user";

    /** Prefix of a Connector/J property given explicitly, as in Spring's {@code understudy.driver-properties.*}. */
    public static final String DRIVER_PROPERTY_PREFIX = Setting.DRIVER_PROPERTIES.key() + ".";

    private static final Set<String> GROUPS = Set.of("admin", "pool", "failover", "understudy", "weights");

    private static final Set<String> CONNECTOR_J = connectorJProperties();

    private SettingNames() {
    }

    /** {@return whether a value under this name is a secret: a password setting, or a password-like name} */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("pwd");
    }

    /** {@return the setting the name means: JDBC's {@code user} is {@link Setting#USERNAME}} */
    public static Optional<Setting> setting(String name) {
        return name.equalsIgnoreCase(JDBC_USER) ? Optional.of(Setting.USERNAME) : Setting.byName(name);
    }

    /** {@return whether Connector/J knows the property (case-insensitive, as Connector/J reads them)} */
    public static boolean isConnectorJProperty(String name) {
        return CONNECTOR_J.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * {@return whether a name that is neither a setting nor a Connector/J property looks like a setting: a group of
     * Understudy's ({@code failover.}, {@code pool.}, ...), a dash (Connector/J's names have none), or a name
     * within two edits of a setting's}
     */
    public static boolean looksLikeSetting(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        return lower.contains("-") || lower.contains("[") || GROUPS.contains(dot < 0 ? lower : lower.substring(0, dot))
                || distance(TextValues.relaxed(lower), TextValues.relaxed(closest(lower).key())) <= 2;
    }

    /** {@return the setting whose key or builder name is nearest to the name (an {@code understudy.} prefix aside)} */
    public static Setting closest(String name) {
        String wanted = TextValues.relaxed(name.toLowerCase(Locale.ROOT).replaceFirst("^understudy\\.", ""));
        Setting best = Setting.NAME;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting setting : Setting.values()) {
            int d = Math.min(distance(wanted, TextValues.relaxed(setting.key())),
                    distance(wanted, TextValues.relaxed(setting.builderName())));
            if (d < bestDistance) {
                best = setting;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: names are short, so the plain two-row algorithm is enough. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Set<String> connectorJProperties() {
        Set<String> names = new HashSet<>();
        try {
            for (DriverPropertyInfo info : new NonRegisteringDriver().getPropertyInfo("jdbc:mysql://localhost:3306/",
                    new Properties())) {
                names.add(info.name.toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list Connector/J's properties", e);
        }
        return Set.copyOf(names);
    }
}
