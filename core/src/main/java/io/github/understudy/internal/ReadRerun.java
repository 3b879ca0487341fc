package io.github.understudy.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * How a statement on a replica is made again on another replica when its replica dies under an auto-commit read:
 * the factory that creates it, and every setting and parameter it was given since, each kept once (the latest
 * value wins), so that a statement reused for many executions does not grow. A statement that was given a stream,
 * a reader or a batch cannot be made again faithfully: it is never re-run.
 */
final class ReadRerun {

    /** Creates a statement like the original one on another physical connection. */
    @FunctionalInterface
    interface Factory {
        Statement create(java.sql.Connection physical) throws SQLException;
    }

    /** One setting or parameter of a statement, applied again to its replacement. */
    @FunctionalInterface
    interface Setting<S extends Statement> {
        void applyTo(S statement) throws SQLException;
    }

    /** The key of an OUT parameter's registration, apart from the parameter's value. */
    private record Out(Object parameter) {
    }

    private final Factory factory;
    private final boolean allowed;
    private Keyed options;
    private Keyed parameters;
    private boolean replayable = true;

    /**
     * @param factory makes the statement again
     * @param allowed whether re-running is allowed at all ({@code retryReads})
     */
    ReadRerun(Factory factory, boolean allowed) {
        this.factory = factory;
        this.allowed = allowed;
    }

    /** Whether the statement may run again elsewhere: allowed, and given nothing that can be read only once. */
    boolean possible() {
        return allowed && replayable;
    }

    /**
     * A statement-wide setting such as {@code setFetchSize}, keyed by its name, or an OUT parameter's registration,
     * keyed by {@link #out(Object)}.
     */
    <S extends Statement> void option(Object key, Setting<S> setting) {
        if (allowed) {
            options = Keyed.put(options, key, setting);
        }
    }

    /** A parameter's value, keyed by its index or name. */
    <S extends Statement> void parameter(Object key, Setting<S> setting) {
        if (allowed) {
            parameters = Keyed.put(parameters, key, setting);
        }
    }

    /** The key under which an OUT parameter's registration is kept. */
    static Object out(Object parameter) {
        return new Out(parameter);
    }

    /** Forgets the parameters' values; settings and OUT registrations stay, as on the statement itself. */
    void clearParameters() {
        parameters = null;
    }

    /** A stream, a reader or a batch was given: it cannot be given again. */
    void unreplayable() {
        replayable = false;
    }

    /** A statement like the original one on {@code physical}, with every setting and parameter applied again. */
    Statement recreate(java.sql.Connection physical) throws SQLException {
        Statement statement = factory.create(physical);
        Keyed.applyAll(options, statement);
        Keyed.applyAll(parameters, statement);
        return statement;
    }

    /**
     * Settings by key, the latest value of each, in the order the keys were first given: keys and settings
     * alternate in one array searched linearly. A statement has a few of each, and this is made for every read on
     * a replica, so it costs one small array rather than a map, its table and an entry per key.
     */
    private static final class Keyed {

        private Object[] entries = new Object[8];
        private int size;

        @SuppressWarnings("unchecked") // a setting is only ever applied to a statement of the kind it was made for
        static <S extends Statement> Keyed put(Keyed keyed, Object key, Setting<S> setting) {
            Keyed settings = keyed == null ? new Keyed() : keyed;
            Setting<Statement> value = (Setting<Statement>) (Setting<?>) setting;
            for (int i = 0; i < settings.size; i += 2) {
                if (settings.entries[i].equals(key)) {
                    settings.entries[i + 1] = value;
                    return settings;
                }
            }
            if (settings.size == settings.entries.length) {
                settings.entries = Arrays.copyOf(settings.entries, settings.size * 2);
            }
            settings.entries[settings.size++] = key;
            settings.entries[settings.size++] = value;
            return settings;
        }

        @SuppressWarnings("unchecked") // only settings are stored at odd indices
        static void applyAll(Keyed keyed, Statement statement) throws SQLException {
            for (int i = 1; keyed != null && i < keyed.size; i += 2) {
                ((Setting<Statement>) keyed.entries[i]).applyTo(statement);
            }
        }
    }
}
