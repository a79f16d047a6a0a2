package io.commandpost.incident.queue;

import static io.commandpost.incident.queue.Events.asked;
import static io.commandpost.incident.queue.Events.declared;
import static io.commandpost.incident.queue.Events.fired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.Priority;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueueOrderTest {

    private static final UUID QUESTION = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID INCIDENT = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @ParameterizedTest(name = "arrival order #{0}")
    @MethodSource("arrivalOrders")
    void alertsAlwaysComeBeforeQuestionsWhateverTheArrivalOrder(long seed, List<DomainEvent> arrival) {
        MroQueue queue = MroQueue.of("payments", Events.fold(arrival).values());

        assertThat(queue.items()).extracting(QueueItem::kind, QueueItem::id).containsExactly(
                tuple(ItemKind.ALERT, "db-down"),
                tuple(ItemKind.ALERT, "disk-full"),
                tuple(ItemKind.INCIDENT, INCIDENT.toString()),
                tuple(ItemKind.QUESTION, QUESTION.toString()));
    }

    static Stream<Arguments> arrivalOrders() {
        // The question is the oldest and the incident the most urgent: neither may overtake an alert.
        List<DomainEvent> events = List.of(
                asked("payments", QUESTION, "how do I rotate the key?", 0),
                declared("payments", INCIDENT, Priority.P1, 1),
                fired("payments", "disk-full", Priority.P5, 30),
                fired("payments", "db-down", Priority.P2, 40));
        return Stream.iterate(1L, seed -> seed + 1).limit(8).map(seed -> {
            List<DomainEvent> arrival = new ArrayList<>(events);
            Collections.shuffle(arrival, new Random(seed));
            return Arguments.of(seed, arrival);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tieBreakers")
    void withinAKindPriorityThenOpenedAtThenIdDecide(String rule, QueueItem expectedFirst, QueueItem expectedSecond) {
        List<QueueItem> sorted = Stream.of(expectedSecond, expectedFirst).sorted(QueueOrder.MRO).toList();

        assertThat(sorted).containsExactly(expectedFirst, expectedSecond);
    }

    static Stream<Arguments> tieBreakers() {
        return Stream.of(
                Arguments.of("P1 before P2 even when opened later",
                        alert("b", Priority.P1, 50), alert("a", Priority.P2, 10)),
                Arguments.of("same priority: older first",
                        alert("z", Priority.P3, 10), alert("a", Priority.P3, 20)),
                Arguments.of("same priority and time: id decides",
                        alert("a", Priority.P3, 10), alert("b", Priority.P3, 10)),
                Arguments.of("incident before question, whatever the times",
                        item(ItemKind.INCIDENT, "i", Priority.P5, 90), item(ItemKind.QUESTION, "q", null, 0)),
                Arguments.of("alert before incident, whatever the priorities",
                        alert("a", Priority.P5, 90), item(ItemKind.INCIDENT, "i", Priority.P1, 0)),
                Arguments.of("questions: older first",
                        item(ItemKind.QUESTION, "q2", null, 1), item(ItemKind.QUESTION, "q1", null, 2)));
    }

    @Test
    void theQueueShowsOnlyOpenItemsOfItsTeam() {
        MroQueue queue = MroQueue.of("payments", Events.fold(List.of(
                fired("payments", "open", Priority.P3, 0),
                fired("payments", "gone", Priority.P1, 0),
                Events.resolved("payments", "gone", 5),
                fired("search", "other-team", Priority.P1, 0))).values());

        assertThat(queue.items()).extracting(QueueItem::id).containsExactly("open");
    }

    @Test
    void anAcknowledgedAlertKeepsItsPlaceInTheQueue() {
        List<DomainEvent> events = List.of(
                fired("payments", "db-down", Priority.P1, 0),
                fired("payments", "disk-full", Priority.P1, 5),
                declared("payments", INCIDENT, Priority.P1, 1));
        List<DomainEvent> acknowledged = new ArrayList<>(events);
        acknowledged.add(Events.acknowledged("payments", "db-down", 10));

        MroQueue before = MroQueue.of("payments", Events.fold(events).values());
        MroQueue after = MroQueue.of("payments", Events.fold(acknowledged).values());

        assertThat(after.items()).extracting(QueueItem::id)
                .containsExactly("db-down", "disk-full", INCIDENT.toString())
                .isEqualTo(before.items().stream().map(QueueItem::id).toList());
        assertThat(after.items().get(0).isAcknowledged()).isTrue();
    }

    private static QueueItem alert(String id, Priority priority, int minute) {
        return item(ItemKind.ALERT, id, priority, minute);
    }

    private static QueueItem item(ItemKind kind, String id, Priority priority, int minute) {
        return new QueueItem(new ItemKey("payments", kind, id), ItemStatus.OPEN, priority, "s", null,
                Events.at(minute), 1, null, null, null, null, null);
    }
}
