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

    /** The MRO took the question: the queue shows who works on it. */
    record QuestionClaimed(
            UUID questionId,
            String team,
            String claimedBy,
            Instant claimedAt) implements QuestionEvent {
    }

    /**
     * The question was answered; notification-service delivers {@code answer} back where it came from
     * ({@code channel}, {@code threadRef} of the question). It leaves the queue.
     */
    record QuestionAnswered(
            UUID questionId,
            String team,
            String channel,
            String threadRef,
            String answer,
            String answeredBy,
            Instant answeredAt) implements QuestionEvent {
    }

    /** The question was closed without an answer, for a reason. It leaves the queue. */
    record QuestionClosed(
            UUID questionId,
            String team,
            String reason,
            String closedBy,
            Instant closedAt) implements QuestionEvent {
    }

    /** The question waits until {@code until}, for a reason; it stays in the queue, marked snoozed. */
    record QuestionSnoozed(
            UUID questionId,
            String team,
            Instant until,
            String reason,
            String snoozedBy,
            Instant snoozedAt) implements QuestionEvent {
    }

    /** The question became incident {@code incidentId}; it leaves the queue, the incident enters it. */
    record QuestionTurnedIntoIncident(
            UUID questionId,
            String team,
            UUID incidentId,
            String turnedBy,
            Instant turnedAt) implements QuestionEvent {
    }
}
