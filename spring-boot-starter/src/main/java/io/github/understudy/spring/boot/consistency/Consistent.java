package io.github.understudy.spring.boot.consistency;

import io.github.understudy.Consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method (or every method of the annotated class) in {@link
 * io.github.understudy.Understudy#withConsistency(Consistency)}: connections taken from the Understudy DataSource
 * during the call use this mode, whatever {@code understudy.consistency} says. With
 * {@link Consistency#READ_YOUR_WRITES} the writes and reads of the call share one logical session (the enclosing
 * one, e.g. the request's with {@link ConsistencyTokenFilter}, else a new one), so each read sees the call's
 * earlier writes.
 *
 * <pre>{@code
 * @Consistent(Consistency.READ_YOUR_WRITES)
 * public Order placeAndShow(Cart cart) {
 *     long id = orders.place(cart);      // @Transactional: the master
 *     return orders.find(id);            // @Transactional(readOnly = true): a replica that has the order
 * }
 * }</pre>
 *
 * <p>Applied by {@link ConsistentAdvisor}, which wraps the transaction interceptor, so a {@code @Transactional}
 * method annotated too takes its connection inside the scope. Found as Spring finds {@code @Transactional}: on the
 * method first (also on the interface method it implements), then on its class; the method's wins. Like any proxy
 * advice it does not apply to calls from within the same object, and covers only the synchronous part of the call
 * (not the work of a returned {@code CompletableFuture} or reactive type).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Consistent {

    /** {@return what the reads of the call may see} */
    Consistency value();
}
