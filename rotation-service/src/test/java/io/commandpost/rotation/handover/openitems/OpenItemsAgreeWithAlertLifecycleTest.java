package io.commandpost.rotation.handover.openitems;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Priority;
import io.commandpost.events.lifecycle.AlertLifecycle;
import io.commandpost.events.lifecycle.AlertState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The handover's open items are one of the views of the shared alert lifecycle: fed random orders and
 * duplicates of an alert's tool and person events, item after item (as the projection stores it), an item is
 * open, opened and closed exactly when the lifecycle says.
 */
class OpenItemsAgreeWithAlertLifecycleTest {

    record Seen(boolean open, Instant openedAt, Instant closedAt, String resolvedBy) {
    }

    @Test
    void randomOrdersAndDuplicatesGiveTheOpenItemsTheLifecyclesAnswer() {
        for (long seed = 1; seed <= 1_000; seed++) {
            Random random = new Random(seed);
            List<AlertEvent> events = history(random);
            Optional<OpenItem> item = Optional.empty();
            AlertState state = null;
            for (AlertEvent event : events) {
                item = OpenItemsEvolution.evolve(item, event);
                state = AlertLifecycle.evolve(state, event);
                assertThat(item.map(i -> new Seen(i.open(), i.openedAt(), i.closedAt(), i.resolvedBy())))
                        .as("seed %d after %s", seed, event)
                        .isEqualTo(Optional.ofNullable(state).map(s -> new Seen(s.isOpen(), s.openedAt(),
                                s.resolvedAt(), s.resolvedBy())));
            }
        }
    }

    static List<AlertEvent> history(Random random) {
        List<AlertEvent> events = new ArrayList<>();
        int n = 3 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
            int minute = random.nextInt(30);
            String person = random.nextBoolean() ? "alice" : "bob";
            events.add(switch (random.nextInt(7)) {
                case 0, 1, 2 -> new AlertEvent.AlertReceived("p", "prom", "alertmanager", "k", Priority.P2, "s",
                        Map.of(), Map.of(), List.of(), OpenItemsEvolutionTest.at(random.nextInt(5) * 5),
                        OpenItemsEvolutionTest.at(minute));
                case 3 -> new AlertEvent.AlertResolved("p", "prom", "alertmanager", "k",
                        OpenItemsEvolutionTest.at(minute), OpenItemsEvolutionTest.at(minute));
                case 4 -> new AlertEvent.AlertResolvedBy("p", "k", person, "api", OpenItemsEvolutionTest.at(minute));
                case 5 -> new AlertEvent.AlertAcknowledgedBy("p", "k", person, "api", OpenItemsEvolutionTest.at(minute));
                default -> new AlertEvent.AlertUnacknowledgedBy("p", "k", person, "api",
                        OpenItemsEvolutionTest.at(minute));
            });
            if (random.nextInt(4) == 0) {
                events.add(events.get(random.nextInt(events.size())));
            }
        }
        Collections.shuffle(events, random);
        return events;
    }
}
