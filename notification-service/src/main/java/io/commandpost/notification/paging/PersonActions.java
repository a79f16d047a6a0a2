package io.commandpost.notification.paging;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import java.time.Instant;
import java.util.UUID;

/**
 * What a person may do about an alert, pure: each act becomes one person event of the shared contract, or is
 * refused (404 for an alert never seen, 409 for an act its state does not allow, 400 for a blank actor or
 * note). Acts that change nothing (acknowledging an acknowledged alert) are refused rather than recorded.
 */
public final class PersonActions {

    public static final int MAX_NOTE = 4000;

    private PersonActions() {
    }

    public enum Act { ACKNOWLEDGE, UNACKNOWLEDGE, RESOLVE, ESCALATE, NOTE }

    public static AlertEvent decide(Act act, String team, String dedupKey, AlertState state, String person, String via,
                                    String text, UUID noteId, Instant now) {
        if (person == null || person.isBlank()) {
            throw new InvalidCommandException("actor", "say who acts (the credential of the caller)");
        }
        if (state == null || state.occurrence() == 0) {
            throw NotFoundException.of("alert", team + "/" + dedupKey);
        }
        return switch (act) {
            case ACKNOWLEDGE -> {
                requireOpen(state, "acknowledged");
                if (state.isAcknowledged()) {
                    throw new RuleViolationException("already acknowledged by " + state.acknowledgedBy());
                }
                yield new AlertEvent.AlertAcknowledgedBy(team, dedupKey, person, via, now);
            }
            case UNACKNOWLEDGE -> {
                requireOpen(state, "unacknowledged");
                if (!state.isAcknowledged()) {
                    throw new RuleViolationException("the alert is not acknowledged");
                }
                yield new AlertEvent.AlertUnacknowledgedBy(team, dedupKey, person, via, now);
            }
            case RESOLVE -> {
                requireOpen(state, "resolved");
                yield new AlertEvent.AlertResolvedBy(team, dedupKey, person, via, now);
            }
            case ESCALATE -> {
                requireOpen(state, "escalated");
                yield new AlertEvent.AlertEscalatedBy(team, dedupKey, person, via, now);
            }
            case NOTE -> {
                if (text == null || text.isBlank()) {
                    throw new InvalidCommandException("text", "a note needs a text");
                }
                if (text.length() > MAX_NOTE) {
                    throw new InvalidCommandException("text", "a note has at most " + MAX_NOTE + " characters");
                }
                yield new AlertEvent.AlertNoteAdded(team, dedupKey, noteId, person, via, text.strip(), now);
            }
        };
    }

    private static void requireOpen(AlertState state, String what) {
        if (!state.isOpen()) {
            throw new RuleViolationException("the alert is resolved (by " + state.resolvedBy()
                    + "): only an open alert can be " + what);
        }
    }
}
