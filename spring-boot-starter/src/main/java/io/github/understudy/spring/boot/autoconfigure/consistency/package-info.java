/** Auto-configuration of read-your-writes support: the {@code @Consistent} advisor and the token filter. */
package io.github.understudy.spring.boot.autoconfigure.consistency;
