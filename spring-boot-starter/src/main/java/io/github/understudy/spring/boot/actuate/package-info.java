/**
 * Production-ready features for the Understudy DataSource: its health indicator and its {@code understudy}
 * actuator endpoint, with the event log behind it.
 */
package io.github.understudy.spring.boot.actuate;
