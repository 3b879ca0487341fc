package io.github.understudy.benchmarks.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request of a load with its outcome and times, in one preallocated array. Bounded: past its capacity it
 * counts requests without recording them. Read {@link #requests()} after the load has stopped.
 */
public final class RequestLog {

    private final Request[] entries;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessages = new ConcurrentHashMap<>();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong lastWriteOk = new AtomicLong(Long.MIN_VALUE);

    /** @param capacity how many requests to keep */
    public RequestLog(int capacity) {
        this.entries = new Request[capacity];
    }

    /**
     * Records a finished request.
     *
     * @param request the request
     * @param failure what it threw, or null; counted under its kind, and as "after ack" when the request had
     *                succeeded before (a write whose {@code close()} threw)
     */
    public void record(Request request, Throwable failure) {
        if (failure != null) {
            String key = (request.write() ? "write " : "read ") + (request.ok() ? "after ack " : "") + request.error();
            errors.computeIfAbsent(key, k -> new LongAdder()).increment();
            firstMessages.putIfAbsent(key, describe(failure));
        }
        if (request.write() && request.ok()) {
            lastWriteOk.accumulateAndGet(request.end(), Math::max);
        }
        int slot = next.getAndIncrement();
        if (slot < entries.length) {
            entries[slot] = request;
        }
    }

    /** Counts a request the load generator could not start: every worker was busy. */
    public void shed() {
        shed.incrementAndGet();
    }

    /** @return {@link System#nanoTime()} of the latest acknowledged write, {@link Long#MIN_VALUE} before any */
    public long lastWriteOk() {
        return lastWriteOk.get();
    }

    /** @return the recorded requests, in the order they ended */
    public List<Request> requests() {
        List<Request> list = new ArrayList<>();
        int size = Math.min(next.get(), entries.length);
        for (int i = 0; i < size; i++) {
            if (entries[i] != null) {
                list.add(entries[i]);
            }
        }
        return list;
    }

    /** @return how many requests ended, recorded or not */
    public int total() {
        return next.get();
    }

    /** @return how many requests ended past the capacity and were not recorded */
    public int overflow() {
        return Math.max(0, next.get() - entries.length);
    }

    /** @return how many requests were not started for lack of a free worker */
    public long shedCount() {
        return shed.get();
    }

    /** @return failures by request type, SQLState and exception type, with the first message (and cause) of each */
    public Map<String, String> errorSummary() {
        Map<String, String> summary = new TreeMap<>();
        errors.forEach((key, count) -> summary.put(key, count.sum() + "x, e.g. " + firstMessages.get(key)));
        return summary;
    }

    /** The failure's first line, and its cause's: a routing error says why in its cause. */
    private static String describe(Throwable failure) {
        String message = firstLine(failure);
        Throwable cause = failure.getCause();
        return cause == null ? message : message + " (cause: " + cause.getClass().getSimpleName() + ": "
                + firstLine(cause) + ")";
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /**
     * @param e a failure
     * @return its kind for counting: SQLState and exception type, or "unchecked" and the type for anything that is
     *     not a {@link SQLException} (no JDBC call should throw one)
     */
    public static String kind(Throwable e) {
        return e instanceof SQLException sql ? sql.getSQLState() + " " + e.getClass().getSimpleName()
                : "unchecked " + e.getClass().getSimpleName();
    }
}
