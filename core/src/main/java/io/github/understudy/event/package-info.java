/**
 * Events published by an Understudy DataSource: node health changes and topology changes. All are records
 * implementing the sealed {@link io.github.understudy.event.UnderstudyEvent}.
 */
package io.github.understudy.event;
