package io.commandpost.events.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static AlertEvent.AlertReceived fired(int startsAt, int receivedAt) {
        return new AlertEvent.AlertReceived("payments", "prom", "alertmanager", "db-down", Priority.P2, "db slow",
                Map.of(), Map.of(), List.of(), at(startsAt), at(receivedAt));
    }

    static AlertEvent.AlertResolved toolResolved(int endsAt) {
        return new AlertEvent.AlertResolved("payments", "prom", "alertmanager", "db-down", at(endsAt), at(endsAt));
    }

    static AlertEvent.AlertResolvedBy resolvedBy(String person, int at) {
        return new AlertEvent.AlertResolvedBy("payments", "db-down", person, "api", at(at));
    }

    static AlertEvent.AlertAcknowledgedBy ackBy(String person, int at) {
        return new AlertEvent.AlertAcknowledgedBy("payments", "db-down", person, "api", at(at));
    }

    static AlertEvent.AlertUnacknowledgedBy unackBy(String person, int at) {
        return new AlertEvent.AlertUnacknowledgedBy("payments", "db-down", person, "api", at(at));
    }

    static List<AlertChange> changes(AlertEvent... events) {
        AlertState state = null;
        List<AlertChange> changes = new ArrayList<>();
        for (AlertEvent event : events) {
            AlertLifecycle.Step step = AlertLifecycle.step(state, event);
            state = step.state();
            changes.add(step.change());
        }
        return changes;
    }

    static AlertState fold(List<? extends AlertEvent> events) {
        AlertState state = null;
        for (AlertEvent event : events) {
            state = AlertLifecycle.evolve(state, event);
        }
        return state;
    }

    @Test
    void aFiringAfterItsResolveWithTheSameStartIsALateCopyAndOpensNothing() {
        assertThat(changes(fired(0, 0), toolResolved(5), fired(0, 6)))
                .containsExactly(AlertChange.OPENED, AlertChange.RESOLVED, AlertChange.LATE_COPY);
        assertThat(fold(List.of(fired(0, 0), toolResolved(5), fired(0, 6))).isOpen()).isFalse();
    }

    @Test
    void aFiringThatStartsAfterTheResolvedOccurrenceReopensUnacknowledged() {
        AlertState state = fold(List.of(fired(0, 0), ackBy("alice", 1), toolResolved(5), fired(9, 9)));

        assertThat(state.isOpen()).isTrue();
        assertThat(state.occurrence()).isEqualTo(2);
        assertThat(state.isAcknowledged()).isFalse();
        assertThat(changes(fired(0, 0), toolResolved(5), fired(9, 9)).get(2)).isEqualTo(AlertChange.REOPENED);
    }

    @Test
    void aPersonsResolveClosesTheAlertAndTheToolsLaterResolveHasNoEffect() {
        AlertState state = fold(List.of(fired(0, 0), resolvedBy("bob", 3), toolResolved(8)));

        assertThat(state.isOpen()).isFalse();
        assertThat(state.resolvedBy()).isEqualTo("bob");
        assertThat(state.resolvedAt()).isEqualTo(at(3));
        assertThat(changes(fired(0, 0), resolvedBy("bob", 3), toolResolved(8)))
                .containsExactly(AlertChange.OPENED, AlertChange.RESOLVED, AlertChange.NO_EFFECT);
    }

    @Test
    void afterAPersonsResolveARepeatOfTheSameFiringStaysClosedAndALaterFiringIsANewOccurrence() {
        assertThat(changes(fired(0, 0), resolvedBy("bob", 3), fired(0, 4), fired(7, 7)))
                .containsExactly(AlertChange.OPENED, AlertChange.RESOLVED, AlertChange.LATE_COPY,
                        AlertChange.REOPENED);
    }

    @Test
    void aPersonAcknowledgesOnceUntilTheyWithdrawIt() {
        AlertState state = fold(List.of(fired(0, 0), ackBy("alice", 1), ackBy("bob", 2)));
        assertThat(state.acknowledgedBy()).isEqualTo("alice");
        assertThat(state.acknowledgedAt()).isEqualTo(at(1));

        assertThat(changes(fired(0, 0), ackBy("alice", 1), unackBy("alice", 2), ackBy("bob", 3)))
                .containsExactly(AlertChange.OPENED, AlertChange.ACKNOWLEDGED, AlertChange.UNACKNOWLEDGED,
                        AlertChange.ACKNOWLEDGED);
        assertThat(fold(List.of(fired(0, 0), ackBy("alice", 1), unackBy("alice", 2), ackBy("bob", 3)))
                .acknowledgedBy()).isEqualTo("bob");
    }

    @Test
    void theToolsAcknowledgeIsNamedAfterItsIntegration() {
        AlertState state = fold(List.of(fired(0, 0),
                new AlertEvent.AlertAcknowledged("payments", "prom", "alertmanager", "db-down", at(2))));
        assertThat(state.acknowledgedBy()).isEqualTo("tool:prom");
    }

    @Test
    void actsOnAClosedOrUnknownAlertChangeNothing() {
        assertThat(fold(List.of(ackBy("alice", 1)))).isNull();
        assertThat(fold(List.of(resolvedBy("alice", 1)))).isNull();
        AlertState closed = fold(List.of(fired(0, 0), toolResolved(2)));
        for (AlertEvent act : List.of(ackBy("a", 3), unackBy("a", 3), resolvedBy("a", 3),
                new AlertEvent.AlertEscalatedBy("payments", "db-down", "a", "api", at(3)))) {
            assertThat(AlertLifecycle.step(closed, act)).isEqualTo(new AlertLifecycle.Step(closed,
                    AlertChange.NO_EFFECT));
        }
    }

    @Test
    void notesAndEscalateNowAreRecordedOnTheCurrentOccurrence() {
        AlertState state = fold(List.of(fired(0, 0),
                new AlertEvent.AlertNoteAdded("payments", "db-down", UUID.randomUUID(), "alice", "api", "looking", at(1)),
                new AlertEvent.AlertEscalatedBy("payments", "db-down", "alice", "api", at(2))));
        assertThat(state.notes()).isEqualTo(1);
        assertThat(state.escalatedBy()).isEqualTo("alice");
        assertThat(state.escalatedAt()).isEqualTo(at(2));
    }

    /**
     * Property: whatever the order and duplication of one alert's events, (1) no firing that starts at or
     * before the start of an occurrence closed earlier opens anything, (2) the alert is open exactly when
     * the last event that changed its status was an opening firing, (3) a person's resolve is never
     * overwritten by the tool's, and (4) the change reported is consistent with the states before and after.
     */
    @Test
    void randomOrdersAndDuplicatesKeepTheLifecycleRules() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<AlertEvent> events = randomHistory(random);
            AlertState state = null;
            Instant closedStartBound = null; // latest start of an occurrence closed so far
            AlertChange lastStatusChange = null;
            for (AlertEvent event : events) {
                AlertLifecycle.Step step = AlertLifecycle.step(state, event);
                if (event instanceof AlertEvent.AlertReceived received && closedStartBound != null
                        && !received.startsAt().isAfter(closedStartBound) && state != null && !state.isOpen()) {
                    assertThat(step.change()).as("seed %d: %s", seed, events).isEqualTo(AlertChange.LATE_COPY);
                }
                if (state != null && !state.isOpen() && state.resolvedByPerson()) {
                    assertThat(step.state().resolvedBy()).as("seed %d", seed)
                            .isEqualTo(step.change().opens() ? null : state.resolvedBy());
                }
                if (step.change() == AlertChange.NO_EFFECT || step.change() == AlertChange.LATE_COPY) {
                    assertThat(step.state() == null ? null : step.state().status())
                            .isEqualTo(state == null ? null : state.status());
                }
                if (step.change().opens() || step.change() == AlertChange.RESOLVED) {
                    lastStatusChange = step.change();
                }
                if (step.change() == AlertChange.RESOLVED && step.state().lastStartsAt() != null) {
                    closedStartBound = step.state().lastStartsAt();
                }
                state = step.state();
            }
            boolean open = state != null && state.isOpen();
            assertThat(open).as("seed %d: %s", seed, events).isEqualTo(lastStatusChange != null
                    && lastStatusChange.opens());
        }
    }

    /** Firings (some sharing a start), tool and person resolves and acts, shuffled, some repeated. */
    static List<AlertEvent> randomHistory(Random random) {
        List<AlertEvent> events = new ArrayList<>();
        int n = 3 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int minute = random.nextInt(20);
            events.add(switch (random.nextInt(6)) {
                case 0, 1 -> fired(random.nextInt(4) * 5, minute);
                case 2 -> toolResolved(minute);
                case 3 -> resolvedBy(random.nextBoolean() ? "alice" : "bob", minute);
                case 4 -> ackBy("alice", minute);
                default -> unackBy("alice", minute);
            });
            if (random.nextInt(4) == 0) {
                events.add(events.get(random.nextInt(events.size()))); // a duplicate of an earlier event
            }
        }
        java.util.Collections.shuffle(events, random);
        return events;
    }
}
