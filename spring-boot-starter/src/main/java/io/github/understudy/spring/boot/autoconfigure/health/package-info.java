/** Auto-configuration of the Understudy health contributor. */
package io.github.understudy.spring.boot.autoconfigure.health;
