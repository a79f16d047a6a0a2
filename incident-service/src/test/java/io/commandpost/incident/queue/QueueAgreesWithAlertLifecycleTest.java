package io.commandpost.incident.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.lifecycle.AlertLifecycle;
import io.commandpost.events.lifecycle.AlertState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue is one of the views of the shared alert lifecycle: fed random orders and duplicates of an alert's
 * tool and person events, row after row (as the projection stores it), it shows what the lifecycle says.
 */
class QueueAgreesWithAlertLifecycleTest {

    record Seen(boolean open, java.time.Instant openedAt, java.time.Instant closedAt, java.time.Instant acknowledgedAt,
                String acknowledgedBy, String resolvedBy, int firings) {
    }

    @Test
    void randomOrdersAndDuplicatesGiveTheQueueTheLifecyclesAnswer() {
        for (long seed = 1; seed <= 1_000; seed++) {
            List<AlertEvent> events = history(new Random(seed));
            Optional<QueueItem> item = Optional.empty();
            AlertState state = null;
            for (AlertEvent event : events) {
                item = QueueEvolution.evolve(item, event);
                state = AlertLifecycle.evolve(state, event);
                assertThat(item.map(QueueAgreesWithAlertLifecycleTest::seen))
                        .as("seed %d after %s", seed, event)
                        .isEqualTo(Optional.ofNullable(state).map(QueueAgreesWithAlertLifecycleTest::seen));
            }
        }
    }

    static Seen seen(QueueItem item) {
        return new Seen(item.isOpen(), item.openedAt(), item.closedAt(), item.acknowledgedAt(), item.acknowledgedBy(),
                item.resolvedBy(), item.occurrences());
    }

    static Seen seen(AlertState state) {
        return new Seen(state.isOpen(), state.openedAt(), state.resolvedAt(), state.acknowledgedAt(),
                state.acknowledgedBy(), state.resolvedBy(), state.firings());
    }

    /** One alert's firings (some sharing a start), the tool's and people's acts, shuffled, some repeated. */
    static List<AlertEvent> history(Random random) {
        List<AlertEvent> events = new ArrayList<>();
        int n = 3 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
            int minute = random.nextInt(30);
            String person = random.nextBoolean() ? "alice" : "bob";
            events.add(switch (random.nextInt(9)) {
                case 0, 1, 2 -> new AlertEvent.AlertReceived("payments", "prom", "alertmanager", "db-down",
                        Priority.values()[random.nextInt(4)], "db " + minute, Map.of(), Map.of(), List.of(),
                        Events.at(random.nextInt(5) * 5), Events.at(minute));
                case 3 -> new AlertEvent.AlertResolved("payments", "prom", "alertmanager", "db-down", Events.at(minute),
                        Events.at(minute));
                case 4 -> new AlertEvent.AlertResolvedBy("payments", "db-down", person, "api", Events.at(minute));
                case 5 -> new AlertEvent.AlertAcknowledged("payments", "pd", "pagerduty", "db-down", Events.at(minute));
                case 6 -> new AlertEvent.AlertAcknowledgedBy("payments", "db-down", person, "api", Events.at(minute));
                case 7 -> new AlertEvent.AlertUnacknowledgedBy("payments", "db-down", person, "api", Events.at(minute));
                default -> new AlertEvent.AlertNoteAdded("payments", "db-down", UUID.randomUUID(), person, "api", "n",
                        Events.at(minute));
            });
            if (random.nextInt(4) == 0) {
                events.add(events.get(random.nextInt(events.size())));
            }
        }
        Collections.shuffle(events, random);
        return events;
    }
}
