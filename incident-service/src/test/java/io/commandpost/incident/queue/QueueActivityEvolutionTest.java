package io.commandpost.incident.queue;

import static io.commandpost.incident.queue.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.ShiftEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueueActivityEvolutionTest {

    static final UUID QUESTION = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final ItemKey QUESTION_KEY = new ItemKey("payments", ItemKind.QUESTION, QUESTION.toString());
    static final ItemKey ALERT_KEY = new ItemKey("payments", ItemKind.ALERT, "db-down");

    static Map<ItemKey, QueueActivity> fold(List<? extends DomainEvent> events) {
        Map<ItemKey, QueueActivity> activities = new HashMap<>();
        for (DomainEvent event : events) {
            for (ItemKey key : QueueActivityEvolution.keysOf(event)) {
                activities.put(key, QueueActivityEvolution.evolve(key, Optional.ofNullable(activities.get(key)),
                        event));
            }
        }
        return activities;
    }

    static ShiftEvent.ShiftHandedOver handover(int minute, String... items) {
        return new ShiftEvent.ShiftHandedOver("payments", UUID.randomUUID(), UUID.randomUUID(), "alice",
                "payments", "bob", "notes", List.of(items), at(minute + 30), at(minute));
    }

    @Test
    void aQuestionShowsWhereItCameFromAndWhoClaimedItLast() {
        QueueActivity activity = fold(List.of(
                new QuestionEvent.QuestionAsked(QUESTION, "payments", "slack", "U1", "who?", "C1/2", at(0)),
                new QuestionEvent.QuestionClaimed(QUESTION, "payments", "alice", at(5)))).get(QUESTION_KEY);

        assertThat(activity).isEqualTo(new QueueActivity(QUESTION_KEY, "alice", "question.claimed", at(5), "alice",
                at(5), null, "slack", "C1/2"));
    }

    @Test
    void itemsCarriedByAHandoverAreOwnedByTheReceiver() {
        Map<ItemKey, QueueActivity> activities = fold(List.of(
                new QuestionEvent.QuestionClaimed(QUESTION, "payments", "alice", at(5)),
                handover(60, "alert:db-down", "question:" + QUESTION, "unknown-reference")));

        assertThat(activities.get(ALERT_KEY).owner()).isEqualTo("bob");
        assertThat(activities.get(QUESTION_KEY).owner()).isEqualTo("bob");
        assertThat(activities.get(QUESTION_KEY).lastActor()).isEqualTo("alice");
        assertThat(activities.get(QUESTION_KEY).lastAction()).isEqualTo("shift.handed-over");
        assertThat(activities).hasSize(2);
    }

    @Test
    void aLaterActKeepsTheOwnerAHandoverGave() {
        QueueActivity activity = fold(List.of(handover(60, "question:" + QUESTION),
                new QuestionEvent.QuestionSnoozed(QUESTION, "payments", at(200), "vendor", "alice", at(70))))
                .get(QUESTION_KEY);

        assertThat(activity.owner()).isEqualTo("bob");
        assertThat(activity.lastActor()).isEqualTo("alice");
        assertThat(activity.snoozedUntil()).isEqualTo(at(200));
    }

    @Test
    void anOlderActNeverOverridesANewerOneWhateverTheOrderTheTopicsInterleave() {
        List<DomainEvent> live = List.of(handover(60, "question:" + QUESTION),
                new QuestionEvent.QuestionClaimed(QUESTION, "payments", "carol", at(70)));
        List<DomainEvent> replay = List.of(live.get(1), live.get(0));

        assertThat(fold(replay)).isEqualTo(fold(live));
        assertThat(fold(live).get(QUESTION_KEY).owner()).isEqualTo("carol");
    }
}
