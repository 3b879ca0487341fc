/** Auto-configuration of the Observations of failovers and switchovers. */
package io.github.understudy.spring.boot.autoconfigure.observation;
