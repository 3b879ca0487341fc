/**
 * Read-your-writes in Spring applications: the {@link io.github.understudy.spring.boot.consistency.Consistent}
 * annotation and its {@link io.github.understudy.spring.boot.consistency.ConsistentAdvisor}, and the
 * {@link io.github.understudy.spring.boot.consistency.ConsistencyTokenFilter} that carries a session across HTTP
 * requests.
 */
package io.github.understudy.spring.boot.consistency;
