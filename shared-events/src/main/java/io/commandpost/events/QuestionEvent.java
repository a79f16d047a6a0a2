package io.commandpost.events;

import java.time.Instant;
import java.util.UUID;

/** Questions people ask the MRO (Slack, email, API). */
public sealed interface QuestionEvent extends DomainEvent {

    UUID questionId();

    @Override
    default String aggregateId() {
        return questionId().toString();
    }

    /**
     * Someone asked the MRO a question.
     *
     * @param channel   where it came from: {@code slack}, {@code email} or {@code api}
     * @param threadRef where to answer (Slack channel/thread ts, email message id, caller reference)
     */
    record QuestionAsked(
            UUID questionId,
            String team,
            String channel,
            String asker,
            String text,
            String threadRef,
            Instant askedAt) implements QuestionEvent {
    }
}
