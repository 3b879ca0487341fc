/** Auto-configuration of Understudy's Micrometer meters. */
package io.github.understudy.spring.boot.autoconfigure.metrics;
