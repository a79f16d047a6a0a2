package io.commandpost.events.lifecycle;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import java.time.Instant;
import java.util.Optional;

/**
 * THE alert lifecycle, one pure fold for every service that follows alerts (the MRO queue, the open items
 * a handover carries, paging). Events of one alert are folded in their order (one partition per dedup
 * key); alerts never depend on one another.
 *
 * <ul>
 *   <li>A firing opens an occurrence; further firings of an open occurrence are repeats (most urgent
 *       priority, latest summary, opening time kept).</li>
 *   <li>A resolve closes it, the tool's or a person's. After a person's, the tool's resolve of the same
 *       occurrence is recorded without effect.</li>
 *   <li>On a closed alert, a firing that does not start after the closed occurrence's latest start (or,
 *       with no firing seen, after the resolve's end) is a late copy and changes nothing, so a firing
 *       that arrives after its resolve with the same start pages nobody; one that starts later opens a
 *       new occurrence, unacknowledged.</li>
 *   <li>Only an open occurrence can be acknowledged; the first acknowledge is kept until a person
 *       withdraws it. Notes and escalate-now are recorded on the current occurrence.</li>
 * </ul>
 * Consumers skip redelivered events by event id; the fold itself is not asked to absorb duplicates
 * (a duplicate firing counts as a repeat, a duplicate note as a note; every other duplicate is
 * {@link AlertChange#NO_EFFECT}).
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    /** The state after an event and what the event did. {@code state} is null when the alert was never seen. */
    public record Step(AlertState state, AlertChange change) {
    }

    /** The alert after {@code event}; null while nothing made it exist (an acknowledge of an unknown alert). */
    public static AlertState evolve(AlertState state, AlertEvent event) {
        return step(state, event).state();
    }

    public static Optional<AlertState> evolve(Optional<AlertState> state, AlertEvent event) {
        return Optional.ofNullable(evolve(state.orElse(null), event));
    }

    public static Step step(AlertState state, AlertEvent event) {
        if (event instanceof AlertEvent.AlertReceived received) {
            return received(state, received);
        }
        if (event instanceof AlertEvent.AlertResolved resolved) {
            Instant endsAt = resolved.endsAt() != null ? resolved.endsAt() : resolved.receivedAt();
            return toolResolved(state, resolved, endsAt);
        }
        if (event instanceof AlertEvent.AlertResolvedBy resolved) {
            return personResolved(state, resolved.person(), resolved.resolvedAt());
        }
        if (event instanceof AlertEvent.AlertAcknowledged acknowledged) {
            return acknowledged(state, AlertState.tool(acknowledged.integration()), acknowledged.receivedAt());
        }
        if (event instanceof AlertEvent.AlertAcknowledgedBy acknowledged) {
            return acknowledged(state, acknowledged.person(), acknowledged.acknowledgedAt());
        }
        if (event instanceof AlertEvent.AlertUnacknowledgedBy unacknowledged) {
            if (state == null || !state.isOpen() || !state.isAcknowledged()) {
                return unchanged(state);
            }
            return new Step(with(state).ack(null, null).build(), AlertChange.UNACKNOWLEDGED);
        }
        if (event instanceof AlertEvent.AlertNoteAdded) {
            if (state == null) {
                return unchanged(null);
            }
            return new Step(with(state).notes(state.notes() + 1).build(), AlertChange.NOTED);
        }
        if (event instanceof AlertEvent.AlertEscalatedBy escalated) {
            if (state == null || !state.isOpen()) {
                return unchanged(state);
            }
            return new Step(with(state).escalated(escalated.escalatedAt(), escalated.person()).build(),
                    AlertChange.ESCALATED);
        }
        return unchanged(state);
    }

    private static Step received(AlertState state, AlertEvent.AlertReceived received) {
        Instant startsAt = received.startsAt() != null ? received.startsAt() : received.receivedAt();
        if (state == null) {
            return new Step(occurrence(received, startsAt, 1), AlertChange.OPENED);
        }
        if (state.isOpen()) {
            return new Step(with(state)
                    .firing(state.firings() + 1, mostUrgent(state.priority(), received.priority()),
                            received.summary() != null ? received.summary() : state.summary(),
                            latest(state.lastStartsAt(), startsAt))
                    .build(), AlertChange.REPEATED);
        }
        Instant bound = state.lastStartsAt() != null ? state.lastStartsAt() : state.resolvedAt();
        if (bound != null && startsAt != null && !startsAt.isAfter(bound)) {
            return new Step(state, AlertChange.LATE_COPY);
        }
        AlertState next = occurrence(received, startsAt, state.occurrence() + 1);
        return new Step(next, state.occurrence() == 0 ? AlertChange.OPENED : AlertChange.REOPENED);
    }

    private static Step toolResolved(AlertState state, AlertEvent.AlertResolved resolved, Instant endsAt) {
        String by = AlertState.tool(resolved.integration());
        if (state == null) {
            return new Step(new AlertState(resolved.team(), resolved.dedupKey(), AlertStatus.RESOLVED, 0, null, null,
                    0, null, null, null, null, endsAt, by, 0, null, null), AlertChange.RESOLVED);
        }
        if (state.isOpen()) {
            return new Step(with(state).resolved(endsAt, by).build(), AlertChange.RESOLVED);
        }
        if (state.resolvedByPerson()) {
            return unchanged(state); // recorded without effect: a person closed it already
        }
        return new Step(with(state).resolved(latest(state.resolvedAt(), endsAt), state.resolvedBy()).build(),
                AlertChange.NO_EFFECT);
    }

    private static Step personResolved(AlertState state, String person, Instant at) {
        if (state == null || !state.isOpen()) {
            return unchanged(state);
        }
        return new Step(with(state).resolved(at, person).build(), AlertChange.RESOLVED);
    }

    private static Step acknowledged(AlertState state, String by, Instant at) {
        if (state == null || !state.isOpen() || state.isAcknowledged()) {
            return unchanged(state);
        }
        return new Step(with(state).ack(at, by).build(), AlertChange.ACKNOWLEDGED);
    }

    private static AlertState occurrence(AlertEvent.AlertReceived received, Instant startsAt, int number) {
        return new AlertState(received.team(), received.dedupKey(), AlertStatus.OPEN, number, startsAt, startsAt, 1,
                received.priority(), received.summary(), null, null, null, null, 0, null, null);
    }

    private static Step unchanged(AlertState state) {
        return new Step(state, AlertChange.NO_EFFECT);
    }

    private static Priority mostUrgent(Priority a, Priority b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a.isAfter(b) ? a : b;
    }

    private static Builder with(AlertState s) {
        return new Builder(s);
    }

    /** Copies a state with a few fields changed (records have no withers). */
    private static final class Builder {
        private final AlertState s;
        private AlertStatus status;
        private int firings;
        private Priority priority;
        private String summary;
        private Instant lastStartsAt;
        private Instant acknowledgedAt;
        private String acknowledgedBy;
        private Instant resolvedAt;
        private String resolvedBy;
        private int notes;
        private Instant escalatedAt;
        private String escalatedBy;

        Builder(AlertState s) {
            this.s = s;
            status = s.status();
            firings = s.firings();
            priority = s.priority();
            summary = s.summary();
            lastStartsAt = s.lastStartsAt();
            acknowledgedAt = s.acknowledgedAt();
            acknowledgedBy = s.acknowledgedBy();
            resolvedAt = s.resolvedAt();
            resolvedBy = s.resolvedBy();
            notes = s.notes();
            escalatedAt = s.escalatedAt();
            escalatedBy = s.escalatedBy();
        }

        Builder firing(int count, Priority p, String text, Instant latestStart) {
            firings = count;
            priority = p;
            summary = text;
            lastStartsAt = latestStart;
            return this;
        }

        Builder ack(Instant at, String by) {
            acknowledgedAt = at;
            acknowledgedBy = by;
            return this;
        }

        Builder resolved(Instant at, String by) {
            status = AlertStatus.RESOLVED;
            resolvedAt = at;
            resolvedBy = by;
            return this;
        }

        Builder notes(int count) {
            notes = count;
            return this;
        }

        Builder escalated(Instant at, String by) {
            escalatedAt = at;
            escalatedBy = by;
            return this;
        }

        AlertState build() {
            return new AlertState(s.team(), s.dedupKey(), status, s.occurrence(), s.openedAt(), lastStartsAt, firings,
                    priority, summary, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, notes, escalatedAt,
                    escalatedBy);
        }
    }
}
