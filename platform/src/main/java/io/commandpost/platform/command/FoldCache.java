package io.commandpost.platform.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Folded states of the streams whose aggregate allows it ({@link Aggregate#foldKey}), least recently used
 * dropped first. An entry is only a starting point: the handler reloads the stream from the entry's version and
 * uses it only when the event it was folded up to is still that event.
 */
final class FoldCache {

    record Folded(Object state, long version, UUID lastEventId) {
    }

    private record Entry(Object key, Folded folded) {
    }

    private final Map<String, Entry> entries;
    private final boolean enabled;

    FoldCache(int capacity) {
        this.enabled = capacity > 0;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean enabled() {
        return enabled;
    }

    synchronized Folded get(String aggregate, String streamId, Object key) {
        Entry entry = entries.get(aggregate + "\u0000" + streamId);
        return entry != null && Objects.equals(entry.key(), key) ? entry.folded() : null;
    }

    synchronized void put(String aggregate, String streamId, Object key, Folded folded) {
        entries.put(aggregate + "\u0000" + streamId, new Entry(key, folded));
    }
}
