package io.commandpost.notification.paging;

import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.delivery.AlertWatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Answers the delivery package whether a delayed page (a notification rule's "after N minutes if not
 * acknowledged") is still wanted, from the shared alert lifecycle this service folds.
 */
@ApplicationScoped
public class PendingPageWatch implements AlertWatch {

    private final AlertLifecycles lifecycles;

    PendingPageWatch(AlertLifecycles lifecycles) {
        this.lifecycles = lifecycles;
    }

    @Override
    public Optional<String> noLongerWanted(String team, String dedupKey, int occurrence) {
        return lifecycles.find(team, dedupKey).flatMap(state -> reason(state, occurrence));
    }

    /** Pure: a delayed page for {@code occurrence} is dropped once it was acknowledged, resolved or superseded. */
    static Optional<String> reason(AlertState state, int occurrence) {
        if (state.occurrence() != occurrence) {
            return Optional.of("occurrence " + occurrence + " of the alert is over");
        }
        if (!state.isOpen()) {
            return Optional.of("resolved by " + state.resolvedBy() + " before this rule's delay ended");
        }
        if (state.isAcknowledged()) {
            return Optional.of("acknowledged by " + state.acknowledgedBy() + " before this rule's delay ended");
        }
        return Optional.empty();
    }
}
