package io.github.understudy.internal;

import io.github.understudy.jdbc.InvalidJdbcUrlException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code jdbc:understudy:mysql://host:port,host:port/database?name=value&...} URL (or
 * {@code jdbc:understudy:mariadb://}). Parameter names and values are percent-decoded. Nothing here shows a
 * secret: errors and {@link #redacted(String)} mask the values of password-like parameters and anything written
 * before an {@code @} in the host list.
 *
 * @param hosts      the host list, each entry as written ({@code host:port})
 * @param database   the path: the default schema
 * @param parameters the query's parameters, in order
 */
public record JdbcUrl(List<String> hosts, String database, List<Map.Entry<String, String>> parameters) {

    /** Every URL of the driver starts so. */
    public static final String PREFIX = "jdbc:understudy:";

    private static final String SHAPE = "jdbc:understudy:mysql://host:port,host:port/database[?name=value&...] "
            + "(or jdbc:understudy:mariadb://...)";

    /** {@return whether the URL is the driver's (it may still be malformed)} */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * Parses a URL of the driver.
     *
     * @throws InvalidJdbcUrlException naming the part that is wrong ({@code url}, {@code hosts}, {@code database},
     *                                 or a parameter), the rule and the value
     */
    public static JdbcUrl parse(String url) throws InvalidJdbcUrlException {
        String rest = url.substring(PREFIX.length());
        int scheme = rest.indexOf("://");
        String subprotocol = scheme < 0 ? "" : rest.substring(0, scheme).toLowerCase(Locale.ROOT);
        if (!subprotocol.equals("mysql") && !subprotocol.equals("mariadb")) {
            throw invalid("url", SHAPE, redacted(url));
        }
        String afterScheme = rest.substring(scheme + 3);
        int question = afterScheme.indexOf('?');
        String query = question < 0 ? "" : afterScheme.substring(question + 1);
        String location = question < 0 ? afterScheme : afterScheme.substring(0, question);
        int slash = location.indexOf('/');
        String authority = slash < 0 ? location : location.substring(0, slash);
        if (authority.contains("@")) {
            throw invalid("hosts", "host:port,... without user:password@ (give the credentials as parameters or "
                    + "Properties entries)", "'" + maskUserInfo(authority) + "'");
        }
        List<String> hosts = authority.isBlank() ? List.of() : List.of(authority.split(",", -1));
        String database = slash < 0 ? "" : decode("database", location.substring(slash + 1));
        if (database.isBlank()) {
            throw invalid("database", "set, as the path of the URL: " + SHAPE, "not set");
        }
        return new JdbcUrl(hosts, database, parameters(query));
    }

    /**
     * Shows a URL without its secrets: the values of password-like parameters and anything before an {@code @} in
     * the host list read {@code ****}.
     *
     * @param url the URL as given
     * @return the URL to show in a message or a log line
     */
    public static String redacted(String url) {
        if (url == null) {
            return "null";
        }
        int question = url.indexOf('?');
        String location = maskUserInfo(question < 0 ? url : url.substring(0, question));
        if (question < 0) {
            return location;
        }
        List<String> shown = new ArrayList<>();
        for (String pair : url.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            shown.add(equals < 0 || !SettingNames.isSecret(name) ? pair : name + "=" + ConfigRules.MASK);
        }
        return location + "?" + String.join("&", shown);
    }

    private static List<Map.Entry<String, String>> parameters(String query) throws InvalidJdbcUrlException {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode("url", equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeValue(name, pair.substring(equals + 1));
            parameters.add(Map.entry(name, value));
        }
        return List.copyOf(parameters);
    }

    private static String decodeValue(String name, String encoded) throws InvalidJdbcUrlException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String shown = SettingNames.isSecret(name) ? ConfigRules.MASK : "'" + encoded + "'";
            throw invalid(name, "percent-encoded (%XX)", shown);
        }
    }

    private static String decode(String part, String encoded) throws InvalidJdbcUrlException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(part, "percent-encoded (%XX)", "'" + encoded + "'");
        }
    }

    private static String maskUserInfo(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int start = text.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        return text.substring(0, start) + ConfigRules.MASK + text.substring(at);
    }

    private static InvalidJdbcUrlException invalid(String part, String rule, String value) {
        return new InvalidJdbcUrlException(part + " must be " + rule + ", but was " + value, part, rule, value, null);
    }
}
