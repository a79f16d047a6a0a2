package io.commandpost.incident.question;

import io.commandpost.events.QuestionEvent;
import java.time.Instant;

/**
 * What the MRO did with one question, folded from its action stream: whether it is still open, who claimed it,
 * until when it is snoozed. {@code outcome} is the event type that ended it, null while open.
 */
public record Question(String outcome, String claimedBy, Instant snoozedUntil) {

    public static final Question OPEN = new Question(null, null, null);

    public boolean open() {
        return outcome == null;
    }

    public static Question evolve(Question state, QuestionEvent event) {
        if (event instanceof QuestionEvent.QuestionClaimed e) {
            return new Question(state.outcome, e.claimedBy(), state.snoozedUntil);
        }
        if (event instanceof QuestionEvent.QuestionSnoozed e) {
            return new Question(state.outcome, state.claimedBy, e.until());
        }
        if (event instanceof QuestionEvent.QuestionAnswered) {
            return new Question("answered", state.claimedBy, state.snoozedUntil);
        }
        if (event instanceof QuestionEvent.QuestionClosed) {
            return new Question("closed", state.claimedBy, state.snoozedUntil);
        }
        if (event instanceof QuestionEvent.QuestionTurnedIntoIncident) {
            return new Question("turned into an incident", state.claimedBy, state.snoozedUntil);
        }
        return state;
    }
}
