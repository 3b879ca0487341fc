package io.github.understudy.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.UnderstudyDataSource;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The public API is what users compile against, so it names only API and JDK types: no {@code internal} type and
 * no dependency's type (HikariCP, Connector/J, Resilience4j, SLF4J) in a public or protected signature of the API
 * packages, and no other module reaches into {@code internal}. Fails naming each offending member or file.
 */
class ApiBoundaryTest {

    private static final List<String> FORBIDDEN = List.of("io.github.understudy.internal.", "com.zaxxer.",
            "com.mysql.", "org.slf4j.");
    /**
     * The one dependency type the API names, on purpose: HikariCP's pool meters are bound through HikariCP's own
     * factory (Micrometer's ships one), so a metrics sink hands that over rather than a copy of its interface.
     */
    private static final List<String> ALLOWED = List.of("UnderstudyMetrics.poolMetrics() -> "
            + "com.zaxxer.hikari.metrics.MetricsTrackerFactory");

    @Test
    void publicSignaturesOfTheApiNameNoInternalOrThirdPartyType() throws Exception {
        List<String> offences = new ArrayList<>();
        for (Class<?> type : apiClasses()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            check(type + " extends", type.getGenericSuperclass(), offences);
            for (Type parent : type.getGenericInterfaces()) {
                check(type + " implements", parent, offences);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (exposed(method.getModifiers()) && !method.isSynthetic()) {
                    check(method.toString(), method.getGenericReturnType(), offences);
                    Stream.of(method.getGenericParameterTypes()).forEach(p -> check(method.toString(), p, offences));
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (exposed(constructor.getModifiers())) {
                    Stream.of(constructor.getGenericParameterTypes())
                            .forEach(p -> check(constructor.toString(), p, offences));
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (exposed(field.getModifiers())) {
                    check(field.toString(), field.getGenericType(), offences);
                }
            }
        }
        assertThat(offences).as("public API members naming an internal or third-party type").isEmpty();
    }

    @Test
    void noOtherModuleImportsCoresInternals() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src"))).toList()) {
                if (module.getFileName().toString().equals("core")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(module.resolve("src"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        if (Files.readString(file).contains("io.github.understudy.internal")) {
                            offences.add(root.relativize(file).toString());
                        }
                    }
                }
            }
        }
        assertThat(offences).as("files outside core using io.github.understudy.internal").isEmpty();
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, List<String> offences) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> plain = c;
            while (plain.isArray()) {
                plain = plain.getComponentType();
            }
            String name = plain.getName();
            String offence = where + " -> " + name;
            if (FORBIDDEN.stream().anyMatch(name::startsWith) && ALLOWED.stream().noneMatch(offence::contains)) {
                offences.add(offence);
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), offences);
            Stream.of(p.getActualTypeArguments()).forEach(a -> check(where, a, offences));
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> check(where, b, offences));
        } else if (type instanceof GenericArrayType g) {
            check(where, g.getGenericComponentType(), offences);
        } else if (type instanceof TypeVariable<?> v) {
            Stream.of(v.getBounds()).filter(b -> !(b instanceof TypeVariable)).forEach(b -> check(where, b, offences));
        }
    }

    /** Every class compiled into core's API packages (all but {@code internal}). */
    private static List<Class<?>> apiClasses() throws URISyntaxException, IOException, ClassNotFoundException {
        Path classes = Path.of(UnderstudyDataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/github/understudy"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith("io.github.understudy.internal.") && !name.endsWith("package-info")) {
                    found.add(Class.forName(name, false, ApiBoundaryTest.class.getClassLoader()));
                }
            }
        }
        assertThat(found).as("API classes found in " + classes).isNotEmpty();
        return found;
    }
}
