package io.github.understudy.spring.boot.consistency;

import io.github.understudy.Consistency;
import io.github.understudy.Understudy;

import java.lang.reflect.Method;
import java.util.function.BiFunction;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/** Opens {@link Understudy#withConsistency(Consistency)} around a call that {@link Consistent} covers. */
final class ConsistentInterceptor implements MethodInterceptor {

    private final BiFunction<Method, Class<?>, Consistency> consistencyOf;

    ConsistentInterceptor(BiFunction<Method, Class<?>, Consistency> consistencyOf) {
        this.consistencyOf = consistencyOf;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> targetClass = invocation.getThis() == null ? null : AopUtils.getTargetClass(invocation.getThis());
        Consistency consistency = consistencyOf.apply(invocation.getMethod(), targetClass);
        if (consistency == null) {
            return invocation.proceed();
        }
        try (Understudy.Scope scope = Understudy.withConsistency(consistency)) {
            return invocation.proceed();
        }
    }
}
