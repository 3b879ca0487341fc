package io.github.understudy.spring.boot.actuate;

import io.github.understudy.TopologySnapshot;
import io.github.understudy.event.UnderstudyEvent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event as the endpoint shows it. The details are read from the event record's components, so that event
 * types added later (failover, fencing) appear with all their fields without a change here.
 *
 * @param type the event's simple class name, e.g. {@code NodeDown}
 * @param at when it happened, ISO-8601
 * @param details the event's other fields as text (a topology as its one-line summary), in declaration order
 */
public record EventDescriptor(String type, String at, Map<String, String> details) {

    /**
     * Describes an event.
     *
     * @param event the event
     * @return its description
     */
    public static EventDescriptor of(UnderstudyEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            Object value = value(event, component);
            if (value != null && !name.equals("dataSourceName") && !name.equals("at")) {
                details.put(name, value instanceof TopologySnapshot topology ? topology.describe() : value.toString());
            }
        }
        return new EventDescriptor(event.getClass().getSimpleName(), event.at().toString(), details);
    }

    private static Object value(UnderstudyEvent event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "unreadable: " + e;
        }
    }
}
