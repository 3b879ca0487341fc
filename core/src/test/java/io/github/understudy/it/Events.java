package io.github.understudy.it;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.UnderstudyEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Collects the events of one or more DataSources. */
final class Events implements UnderstudyListener {

    private final List<UnderstudyEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(UnderstudyEvent event) {
        all.add(event);
    }

    <E extends UnderstudyEvent> List<E> of(Class<E> type) {
        return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return all.toString();
    }
}
