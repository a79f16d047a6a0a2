package io.commandpost.ingest.pagerduty;

import io.commandpost.events.AlertEvent;
import java.util.List;
import java.util.Optional;

/**
 * One PagerDuty Events API v2 event, read: either the alert event it becomes (trigger → received,
 * acknowledge → acknowledged, resolve → resolved) or PagerDuty's list of errors.
 */
public record PagerDutyEvent(String action, String dedupKey, Optional<AlertEvent> alertEvent, List<String> errors) {

    public static final String TRIGGER = "trigger";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String RESOLVE = "resolve";

    static PagerDutyEvent invalid(List<String> errors) {
        return new PagerDutyEvent(null, null, Optional.empty(), List.copyOf(errors));
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
