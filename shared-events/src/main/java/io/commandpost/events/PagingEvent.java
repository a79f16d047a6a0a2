package io.commandpost.events;

import java.time.Instant;
import java.util.List;

/**
 * The escalation of one alert occurrence, decided by notification-service (its paging aggregate, one stream per
 * team and dedup key) and published on the notifications topic. Targets are named as in the team's escalation
 * policy: {@code on-duty}, {@code partner-on-duty}, {@code member:<handle>}, {@code every-member},
 * {@code team-channel}.
 */
public sealed interface PagingEvent extends DomainEvent {

    String team();

    String dedupKey();

    int occurrence();

    @Override
    default String aggregateId() {
        return streamId(team(), dedupKey());
    }

    /** The stream of one alert's paging: {@code <team>/<dedup key>}. */
    static String streamId(String team, String dedupKey) {
        return team + "/" + dedupKey;
    }

    /** An occurrence opened and its escalation began. */
    record EscalationStarted(String team, String dedupKey, int occurrence, Instant startedAt) implements PagingEvent {
    }

    /**
     * A step's targets were paged.
     *
     * @param step   0-based index in the policy
     * @param round  0 on the first pass through the steps
     * @param reason {@code opened}, {@code not acknowledged}, {@code acknowledgement timed out},
     *               {@code escalated by <person>}, {@code deliveries of step <n> failed}
     */
    record EscalationStepPaged(String team, String dedupKey, int occurrence, int step, int round,
                               List<String> targets, String reason, Instant pagedAt) implements PagingEvent {
    }

    /** Someone (a person, or {@code tool:<integration>}) took it: no further step until the timeout. */
    record EscalationAcknowledged(String team, String dedupKey, int occurrence, String by, Instant acknowledgedAt)
            implements PagingEvent {
    }

    /** The acknowledgement was withdrawn ({@code by} a person) or timed out ({@code by} null). */
    record EscalationUnacknowledged(String team, String dedupKey, int occurrence, String by,
                                    Instant unacknowledgedAt) implements PagingEvent {
    }

    /** Every step of every round was paged without acknowledgement. */
    record EscalationExhausted(String team, String dedupKey, int occurrence, Instant exhaustedAt)
            implements PagingEvent {
    }

    /** Resolved (by a person or {@code tool:<integration>}): nothing more is paged for this occurrence. */
    record EscalationStopped(String team, String dedupKey, int occurrence, String by, Instant stoppedAt)
            implements PagingEvent {
    }
}
