package io.commandpost.incident.queue;

import static io.commandpost.incident.queue.Events.asked;
import static io.commandpost.incident.queue.Events.at;
import static io.commandpost.incident.queue.Events.declared;
import static io.commandpost.incident.queue.Events.fired;
import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

    static final UUID QUESTION = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID INCIDENT = UUID.fromString("00000000-0000-4000-8000-000000000002");

    final MroQueue queue = MroQueue.of("payments", Events.fold(List.of(
            asked("payments", QUESTION, "who?", 0),
            declared("payments", INCIDENT, Priority.P1, 1),
            fired("payments", "disk", Priority.P3, 2),
            fired("payments", "db-down", Priority.P1, 3),
            new AlertEvent.AlertAcknowledged("payments", "pd", "pagerduty", "disk", at(4)))).values());

    private List<String> ids(QueueFilter filter) {
        return filter.page(queue, 0, 100).items().stream().map(QueueItem::id).toList();
    }

    @Test
    void noFilterKeepsTheStrictOrderAlertsThenIncidentsThenQuestions() {
        assertThat(ids(QueueFilter.ALL)).containsExactly("db-down", "disk", INCIDENT.toString(), QUESTION.toString());
    }

    @Test
    void filtersByKindPriorityAcknowledgedAndSince() {
        assertThat(ids(new QueueFilter(ItemKind.ALERT, null, null, null))).containsExactly("db-down", "disk");
        assertThat(ids(new QueueFilter(null, Priority.P1, null, null))).containsExactly("db-down", INCIDENT.toString());
        assertThat(ids(new QueueFilter(null, null, true, null))).containsExactly("disk");
        assertThat(ids(new QueueFilter(null, null, false, null))).containsExactly("db-down");
        assertThat(ids(new QueueFilter(null, null, null, at(2)))).containsExactly("db-down", "disk");
    }

    @Test
    void pagesAreCutFromTheOrderedQueue() {
        QueueFilter.Page second = QueueFilter.ALL.page(queue, 1, 3);

        assertThat(second.items()).extracting(QueueItem::id).containsExactly(QUESTION.toString());
        assertThat(second.total()).isEqualTo(4);
        assertThat(QueueFilter.ALL.page(queue, 5, 3).items()).isEmpty();
    }
}
