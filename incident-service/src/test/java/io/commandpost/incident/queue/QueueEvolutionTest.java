package io.commandpost.incident.queue;

import static io.commandpost.incident.queue.Events.acknowledged;
import static io.commandpost.incident.queue.Events.asked;
import static io.commandpost.incident.queue.Events.at;
import static io.commandpost.incident.queue.Events.declared;
import static io.commandpost.incident.queue.Events.fired;
import static io.commandpost.incident.queue.Events.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.Severity;
import io.commandpost.events.Priority;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueEvolutionTest {

    private static final ItemKey DB_DOWN = new ItemKey("payments", ItemKind.ALERT, "db-down");

    /** What the alert item looks like after the events: status, occurrences, priority, summary, openedAt. */
    record Expected(ItemStatus status, int occurrences, Priority priority, String summary, Instant openedAt) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertHistories")
    void anAlertItemFollowsItsFiringsAndResolves(String behaviour, List<DomainEvent> events, Expected expected) {
        QueueItem item = Events.fold(events).get(DB_DOWN);

        assertThat(new Expected(item.status(), item.occurrences(), item.priority(), item.summary(), item.openedAt()))
                .isEqualTo(expected);
    }

    static Stream<Arguments> alertHistories() {
        return Stream.of(
                Arguments.of("a first firing opens the alert once",
                        List.of(fired("payments", "db-down", Priority.P2, 0, "db slow")),
                        new Expected(ItemStatus.OPEN, 1, Priority.P2, "db slow", at(0))),
                Arguments.of("a firing of an open alert is an occurrence, not a new item: most urgent priority "
                                + "and latest summary kept, opening time kept",
                        List.of(fired("payments", "db-down", Priority.P3, 0, "db slow"),
                                fired("payments", "db-down", Priority.P1, 2, "db down"),
                                fired("payments", "db-down", Priority.P4, 3, "db flapping")),
                        new Expected(ItemStatus.OPEN, 3, Priority.P1, "db flapping", at(0))),
                Arguments.of("a resolve closes the alert",
                        List.of(fired("payments", "db-down", Priority.P2, 0, "db slow"),
                                resolved("payments", "db-down", 10)),
                        new Expected(ItemStatus.RESOLVED, 1, Priority.P2, "db slow", at(0))),
                Arguments.of("a resolve before any firing is recorded but never open",
                        List.of(resolved("payments", "db-down", 10)),
                        new Expected(ItemStatus.RESOLVED, 0, null, null, null)),
                Arguments.of("a late firing that starts when the resolved one started does not reopen it",
                        List.of(fired("payments", "db-down", Priority.P2, 0, "db slow"),
                                resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P1, 0, "late copy")),
                        new Expected(ItemStatus.RESOLVED, 1, Priority.P2, "db slow", at(0))),
                Arguments.of("a late firing that starts before the resolved one's start does not reopen it",
                        List.of(fired("payments", "db-down", Priority.P2, 5, "db slow"),
                                resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P1, 1, "older copy")),
                        new Expected(ItemStatus.RESOLVED, 1, Priority.P2, "db slow", at(5))),
                Arguments.of("a firing that starts after the resolved one opens a new occurrence",
                        List.of(fired("payments", "db-down", Priority.P2, 0, "db slow"),
                                fired("payments", "db-down", Priority.P2, 0, "db slow"),
                                resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P3, 20, "db slow again")),
                        new Expected(ItemStatus.OPEN, 1, Priority.P3, "db slow again", at(20))),
                Arguments.of("a firing that started before a resolve that came first stays resolved",
                        List.of(resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P1, 5, "already over")),
                        new Expected(ItemStatus.RESOLVED, 0, null, null, null)),
                Arguments.of("a firing that starts after a resolve that came first opens the alert",
                        List.of(resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P1, 15, "new trouble")),
                        new Expected(ItemStatus.OPEN, 1, Priority.P1, "new trouble", at(15))),
                Arguments.of("a second resolve changes nothing visible",
                        List.of(fired("payments", "db-down", Priority.P2, 0, "db slow"),
                                resolved("payments", "db-down", 10),
                                resolved("payments", "db-down", 10)),
                        new Expected(ItemStatus.RESOLVED, 1, Priority.P2, "db slow", at(0))));
    }

    /** What acknowledges leave of the alert item: status, occurrences, acknowledgedAt (null: not acknowledged). */
    record Acknowledgement(ItemStatus status, int occurrences, Instant acknowledgedAt) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acknowledgeHistories")
    void anAcknowledgedAlertStaysOpenUntilItsNextOccurrence(String behaviour, List<DomainEvent> events,
                                                             Acknowledgement expected) {
        QueueItem item = Events.fold(events).get(DB_DOWN);

        assertThat(new Acknowledgement(item.status(), item.occurrences(), item.acknowledgedAt())).isEqualTo(expected);
        assertThat(item.isAcknowledged()).isEqualTo(expected.acknowledgedAt() != null);
    }

    static Stream<Arguments> acknowledgeHistories() {
        return Stream.of(
                Arguments.of("an alert that fires is not acknowledged",
                        List.of(fired("payments", "db-down", Priority.P2, 0)),
                        new Acknowledgement(ItemStatus.OPEN, 1, null)),
                Arguments.of("an acknowledged open alert stays open, acknowledged when the acknowledge was received",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4)),
                        new Acknowledgement(ItemStatus.OPEN, 1, at(4))),
                Arguments.of("a repeat firing of the open occurrence keeps the acknowledgement",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4),
                                fired("payments", "db-down", Priority.P1, 6)),
                        new Acknowledgement(ItemStatus.OPEN, 2, at(4))),
                Arguments.of("a second acknowledge keeps the first one's time",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4),
                                acknowledged("payments", "db-down", 7)),
                        new Acknowledgement(ItemStatus.OPEN, 1, at(4))),
                Arguments.of("a resolve closes an acknowledged alert and keeps when it was acknowledged",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4),
                                resolved("payments", "db-down", 10)),
                        new Acknowledgement(ItemStatus.RESOLVED, 1, at(4))),
                Arguments.of("a new occurrence after a resolve starts unacknowledged",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4),
                                resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P2, 20)),
                        new Acknowledgement(ItemStatus.OPEN, 1, null)),
                Arguments.of("a late copy of the resolved occurrence does not reopen nor clear it",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4),
                                resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P2, 0)),
                        new Acknowledgement(ItemStatus.RESOLVED, 1, at(4))),
                Arguments.of("the new occurrence can be acknowledged in its turn",
                        List.of(fired("payments", "db-down", Priority.P2, 0),
                                acknowledged("payments", "db-down", 4),
                                resolved("payments", "db-down", 10),
                                fired("payments", "db-down", Priority.P2, 20),
                                acknowledged("payments", "db-down", 22)),
                        new Acknowledgement(ItemStatus.OPEN, 1, at(22))));
    }

    @Test
    void anAcknowledgeOfAnUnknownAlertMakesNoItem() {
        assertThat(Events.fold(List.of(acknowledged("payments", "db-down", 4)))).isEmpty();
        assertThat(QueueEvolution.evolve(Optional.empty(), acknowledged("payments", "db-down", 4))).isEmpty();
    }

    @Test
    void anAcknowledgeOfAResolvedAlertChangesNothing() {
        List<DomainEvent> history = List.of(fired("payments", "db-down", Priority.P2, 0),
                resolved("payments", "db-down", 10));
        QueueItem resolvedItem = Events.fold(history).get(DB_DOWN);

        assertThat(QueueEvolution.evolve(Optional.of(resolvedItem), acknowledged("payments", "db-down", 12)))
                .contains(resolvedItem);
        QueueItem neverFired = Events.fold(List.of(resolved("payments", "db-down", 10))).get(DB_DOWN);
        assertThat(QueueEvolution.evolve(Optional.of(neverFired), acknowledged("payments", "db-down", 12)))
                .contains(neverFired);
    }

    @Test
    void aRedeliveredAcknowledgeChangesNothing() {
        DomainEvent acknowledge = acknowledged("payments", "db-down", 4);
        QueueItem once = Events.fold(List.of(fired("payments", "db-down", Priority.P2, 0), acknowledge)).get(DB_DOWN);

        assertThat(once.isAcknowledged()).isTrue();
        assertThat(QueueEvolution.evolve(Optional.of(once), acknowledge)).contains(once);
    }

    @Test
    void aQuestionOpensAQuestionItemOnceWithItsTextAndAsker() {
        UUID questionId = UUID.randomUUID();
        QueueItem item = Events.fold(List.of(
                asked("payments", questionId, "how do I rotate the key?", 3),
                asked("payments", questionId, "edited text of a re-delivery", 9)))
                .get(new ItemKey("payments", ItemKind.QUESTION, questionId.toString()));

        assertThat(item).isEqualTo(new QueueItem(item.key(), ItemStatus.OPEN, null, "how do I rotate the key?",
                "bob", at(3), 1, null, null, null, null, null));
    }

    @Test
    void aDeclaredIncidentOpensAnIncidentItem() {
        UUID incidentId = UUID.randomUUID();
        QueueItem item = Events.fold(List.of(declared("payments", incidentId, Priority.P1, 4)))
                .get(new ItemKey("payments", ItemKind.INCIDENT, incidentId.toString()));

        assertThat(item.status()).isEqualTo(ItemStatus.OPEN);
        assertThat(item.priority()).isEqualTo(Priority.P1);
        assertThat(item.summary()).isEqualTo("checkout down");
        assertThat(item.openedAt()).isEqualTo(at(4));
    }

    @Test
    void anAnsweredClosedOrConvertedQuestionLeavesTheQueueOnce() {
        UUID answered = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        UUID turned = UUID.randomUUID();
        Map<ItemKey, QueueItem> items = Events.fold(List.of(
                asked("payments", answered, "a?", 1), asked("payments", closed, "b?", 1),
                asked("payments", turned, "c?", 1),
                new QuestionEvent.QuestionAnswered(answered, "payments", "api", null, "yes", "alice", at(5)),
                new QuestionEvent.QuestionAnswered(answered, "payments", "api", null, "again", "alice", at(7)),
                new QuestionEvent.QuestionClosed(closed, "payments", "duplicate", "alice", at(6)),
                new QuestionEvent.QuestionTurnedIntoIncident(turned, "payments", UUID.randomUUID(), "alice", at(8))));

        assertThat(items.get(new ItemKey("payments", ItemKind.QUESTION, answered.toString())))
                .extracting(QueueItem::status, QueueItem::closedAt).containsExactly(ItemStatus.RESOLVED, at(5));
        assertThat(items.get(new ItemKey("payments", ItemKind.QUESTION, closed.toString())).closedAt()).isEqualTo(at(6));
        assertThat(items.get(new ItemKey("payments", ItemKind.QUESTION, turned.toString())).closedAt()).isEqualTo(at(8));
    }

    @Test
    void aResolvedIncidentLeavesTheQueueAndASeverityChangeMovesIt() {
        UUID incidentId = UUID.randomUUID();
        ItemKey key = new ItemKey("payments", ItemKind.INCIDENT, incidentId.toString());

        QueueItem raised = Events.fold(List.of(declared("payments", incidentId, Priority.P3, 4),
                new IncidentEvent.IncidentSeverityChanged(incidentId, "payments", Severity.SEV3, Severity.SEV1, "alice",
                        null, at(5)))).get(key);
        QueueItem resolved = Events.fold(List.of(declared("payments", incidentId, Priority.P3, 4),
                new IncidentEvent.IncidentResolved(incidentId, "payments", "alice", null, at(9)))).get(key);

        assertThat(raised.priority()).isEqualTo(Priority.P1);
        assertThat(resolved.status()).isEqualTo(ItemStatus.RESOLVED);
        assertThat(resolved.closedAt()).isEqualTo(at(9));
    }

    @Test
    void eventsThatAreNotAboutTheQueueTouchNothing() {
        DomainEvent shift = new ShiftEvent.ShiftStarted("payments", UUID.randomUUID(), ShiftKind.MRO_DAY, "alice",
                at(0), at(60), null, null, false, at(0));

        assertThat(QueueEvolution.keyOf(shift)).isEmpty();
        assertThat(QueueEvolution.evolve(Optional.empty(), shift)).isEmpty();
    }

    @Test
    void differentItemsInterleavedInAnyOrderGiveTheSameItems() {
        List<List<DomainEvent>> perItem = List.of(
                List.of(fired("payments", "a", Priority.P2, 0), acknowledged("payments", "a", 2),
                        resolved("payments", "a", 5), fired("payments", "a", Priority.P1, 8)),
                List.of(resolved("payments", "b", 3), fired("payments", "b", Priority.P3, 1)),
                List.of(fired("search", "a", Priority.P4, 2), acknowledged("search", "a", 3),
                        fired("search", "a", Priority.P2, 2)),
                List.of(acknowledged("search", "never-fired", 3), fired("search", "c", Priority.P1, 4),
                        acknowledged("search", "c", 6)),
                List.of(asked("payments", UUID.fromString("00000000-0000-0000-0000-000000000001"), "why?", 1)));
        Map<ItemKey, QueueItem> reference = Events.fold(perItem.stream().flatMap(List::stream).toList());
        assertThat(reference.get(new ItemKey("search", ItemKind.ALERT, "c")).acknowledgedAt()).isEqualTo(at(6));

        for (long seed = 1; seed <= 20; seed++) {
            assertThat(Events.fold(interleave(perItem, new Random(seed)))).isEqualTo(reference);
        }
    }

    /** A random merge that keeps each item's own events in order (as one partition per key does). */
    private static List<DomainEvent> interleave(List<List<DomainEvent>> perItem, Random random) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < perItem.size(); i++) {
            slots.addAll(Collections.nCopies(perItem.get(i).size(), i));
        }
        Collections.shuffle(slots, random);
        int[] next = new int[perItem.size()];
        List<DomainEvent> merged = new ArrayList<>();
        for (int slot : slots) {
            merged.add(perItem.get(slot).get(next[slot]++));
        }
        return merged;
    }
}
