/**
 * Understudy's implementation. Not an API: anything here may change in any release without notice.
 */
package io.github.understudy.internal;
