package io.github.understudy.benchmarks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Every throwable a request ends with is counted: an unchecked one, and one after the write was acknowledged. */
class RequestLogTest {

    @Test
    void countsUncheckedExceptionsAndFailuresAfterAnAcknowledgedWrite() {
        RequestLog log = new RequestLog(8);
        NullPointerException closeFailed = new NullPointerException("connection is null");
        SQLException refused = new SQLException("Connection refused", "08S01");

        log.record(new Request(true, 1, 0, 0, 1, true, 0, RequestLog.kind(closeFailed)), closeFailed);
        log.record(new Request(false, 0, 0, 0, 1, false, 1, RequestLog.kind(refused)), refused);
        log.record(new Request(false, 0, 0, 0, 1, true, 1, ""), null);

        assertThat(log.errorSummary()).containsOnlyKeys("write after ack unchecked NullPointerException",
                "read 08S01 SQLException");
        assertThat(log.errorSummary().get("write after ack unchecked NullPointerException"))
                .startsWith("1x, e.g. connection is null");
        assertThat(log.total()).isEqualTo(3);
    }
}
