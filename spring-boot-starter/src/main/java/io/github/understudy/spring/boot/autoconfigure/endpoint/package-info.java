/** Auto-configuration of the {@code understudy} actuator endpoint. */
package io.github.understudy.spring.boot.autoconfigure.endpoint;
