package io.github.understudy.spring.boot.consistency;

import io.github.understudy.Consistency;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.core.MethodClassKey;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Applies {@link Consistent}: binds its mode to the thread for the duration of each annotated call. Ordered
 * {@link Ordered#HIGHEST_PRECEDENCE} by default, so it runs outside the transaction interceptor (whose default order
 * is the lowest) and the transaction's connection is taken inside the scope; {@link #setOrder(int)} changes that.
 *
 * <p>A bean of this type is applied by the application context's auto-proxy creator: Boot's AOP
 * auto-configuration (on by default) or {@code @EnableTransactionManagement} provide one. {@code equals},
 * {@code hashCode} and {@code toString} are never advised.
 */
public final class ConsistentAdvisor extends StaticMethodMatcherPointcutAdvisor {

    private final Map<MethodClassKey, Optional<Consistency>> cache = new ConcurrentHashMap<>();

    /** An advisor for {@link Consistent}, ordered first. */
    public ConsistentAdvisor() {
        setAdvice(new ConsistentInterceptor(this::consistencyOf));
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return consistencyOf(method, targetClass) != null;
    }

    /**
     * @param method the invoked method
     * @param targetClass the class of the target object, or null
     * @return the mode that {@link Consistent} gives this method, or null when it has none
     */
    Consistency consistencyOf(Method method, Class<?> targetClass) {
        return cache.computeIfAbsent(new MethodClassKey(method, targetClass),
                key -> Optional.ofNullable(find(method, targetClass))).orElse(null);
    }

    private static Consistency find(Method method, Class<?> targetClass) {
        if (ReflectionUtils.isObjectMethod(method)) {
            return null;
        }
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        Consistent found = AnnotatedElementUtils.findMergedAnnotation(specific, Consistent.class);
        if (found == null) {
            found = AnnotatedElementUtils.findMergedAnnotation(specific.getDeclaringClass(), Consistent.class);
        }
        if (found == null && specific != method) {
            found = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), Consistent.class);
        }
        return found == null ? null : found.value();
    }
}
