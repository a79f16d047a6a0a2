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

    /**
     * An occurrence opened and its escalation began.
     *
     * @param group the Alertmanager group the occurrence opened in (its {@code groupKey} and the request that sent
     *              it), so the alerts of one notification stay one page at every step; null for other sources
     *              (and in events recorded before it was kept)
     */
    record EscalationStarted(String team, String dedupKey, int occurrence, Instant startedAt, String group)
            implements PagingEvent {
        public EscalationStarted(String team, String dedupKey, int occurrence, Instant startedAt) {
            this(team, dedupKey, occurrence, startedAt, null);
        }
    }

    /**
     * A step's targets were paged.
     *
     * @param step   0-based index in the policy
     * @param round  0 on the first pass through the steps
     * @param reason {@code opened}, {@code not acknowledged}, {@code acknowledgement timed out},
     *               {@code escalated by <person>}, {@code deliveries of step <n> failed}
     * @param group  the occurrence's group and which page of the occurrence this is ({@code <group>/page-<n>}):
     *               the alerts of one Alertmanager group paged at the same point of their escalation share it and
     *               are one page (flood control); null when the occurrence has no group
     */
    record EscalationStepPaged(String team, String dedupKey, int occurrence, int step, int round,
                               List<String> targets, String reason, Instant pagedAt, String group)
            implements PagingEvent {
        public EscalationStepPaged(String team, String dedupKey, int occurrence, int step, int round,
                                   List<String> targets, String reason, Instant pagedAt) {
            this(team, dedupKey, occurrence, step, round, targets, reason, pagedAt, null);
        }
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
