package io.commandpost.incident.question;

import io.commandpost.events.QuestionEvent;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rules of the MRO's actions on a question. Pure: what is known of the question as asked (its team and
 * where to answer) is passed in by the adapter; {@code asked} is null for a question the queue never saw.
 */
public final class QuestionDecider implements Decider<QuestionCommand, Question, QuestionEvent> {

    /** The question as asked: the team whose queue holds it and where its answer goes. */
    public record Asked(UUID questionId, String team, String channel, String threadRef) {
    }

    private final Asked asked;

    public QuestionDecider(Asked asked) {
        this.asked = asked;
    }

    @Override
    public Question initial() {
        return Question.OPEN;
    }

    @Override
    public Question evolve(Question state, QuestionEvent event) {
        return Question.evolve(state, event);
    }

    @Override
    public List<QuestionEvent> decide(QuestionCommand command, Question state, Instant now) {
        if (asked == null) {
            throw new NotFoundException("no such question in this team's queue");
        }
        String by = required(command.by(), "by", "must name who acts");
        if (!state.open()) {
            throw new RuleViolationException("question " + asked.questionId() + " was " + state.outcome()
                    + " already; it left the queue");
        }
        UUID id = asked.questionId();
        String team = asked.team();
        if (command instanceof QuestionCommand.Claim) {
            if (by.equals(state.claimedBy())) {
                return List.of();
            }
            return List.of(new QuestionEvent.QuestionClaimed(id, team, by, now));
        }
        if (command instanceof QuestionCommand.Answer answer) {
            String text = required(answer.answer(), "answer", "must say the answer");
            return List.of(new QuestionEvent.QuestionAnswered(id, team, asked.channel(), asked.threadRef(), text, by,
                    now));
        }
        if (command instanceof QuestionCommand.Close close) {
            String reason = required(close.reason(), "reason", "must say why it is closed without an answer");
            return List.of(new QuestionEvent.QuestionClosed(id, team, reason, by, now));
        }
        QuestionCommand.Snooze snooze = (QuestionCommand.Snooze) command;
        String reason = required(snooze.reason(), "reason", "must say why it waits");
        if (snooze.until() == null || !snooze.until().isAfter(now)) {
            throw new InvalidCommandException("until", "must be a time after now");
        }
        return List.of(new QuestionEvent.QuestionSnoozed(id, team, snooze.until(), reason, by, now));
    }

    private static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, message);
        }
        return value.strip();
    }
}
