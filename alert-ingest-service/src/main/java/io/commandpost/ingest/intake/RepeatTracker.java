package io.commandpost.ingest.intake;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts repeats (the same firing alert, same start, delivered again by a re-notifying or retrying
 * sender) among recent deliveries of this replica, for the "deduplicated" counter. A repeat is
 * still published: the queue downstream dedups by key; this only makes storms visible.
 */
@ApplicationScoped
public class RepeatTracker {

    static final int REMEMBERED = 10_000;

    private final Map<String, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public synchronized int repeats(List<? extends DomainEvent> events) {
        int repeats = 0;
        for (DomainEvent event : events) {
            if (event instanceof AlertEvent.AlertReceived received) {
                String key = received.integration() + '|' + received.dedupKey() + '|' + received.startsAt();
                if (recent.put(key, Boolean.TRUE) != null) {
                    repeats++;
                }
            }
        }
        return repeats;
    }
}
