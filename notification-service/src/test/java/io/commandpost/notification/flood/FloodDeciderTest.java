package io.commandpost.notification.flood;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.FloodEvent;
import io.commandpost.events.FloodEvent.FloodAlertHeld;
import io.commandpost.events.FloodEvent.FloodAlertJoined;
import io.commandpost.events.FloodEvent.FloodFollowUpSent;
import io.commandpost.events.FloodEvent.FloodPageSent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FloodDeciderTest {

    static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    final FloodDecider decider = new FloodDecider(Duration.ofMinutes(1));

    FloodCommand offer(String key, String group) {
        return new FloodCommand("payments", "alice", "webhook", new FloodGate.Request(key, key + " broke", group),
                UUID.randomUUID());
    }

    @Test
    void theFirstAlertPagesTheNextAreHeldAndTheTimerSendsOneFollowUpNamingThem() {
        List<FloodEvent> first = decider.decide(offer("a", null), decider.initial(), T0);
        assertThat(first).singleElement().isInstanceOf(FloodPageSent.class);
        FloodDecider.Window w = decider.fold(decider.initial(), first);
        assertThat(decider.wakeAt(w)).isEmpty();

        List<FloodEvent> second = decider.decide(offer("b", null), w, T0.plusSeconds(5));
        w = decider.fold(w, second);
        List<FloodEvent> third = decider.decide(offer("c", null), w, T0.plusSeconds(9));
        w = decider.fold(w, third);
        assertThat(second).singleElement().isInstanceOf(FloodAlertHeld.class);
        assertThat(decider.wakeAt(w)).contains(T0.plusSeconds(60));
        assertThat(decider.tick(w, T0.plusSeconds(59))).isEmpty();

        List<FloodEvent> due = decider.tick(w, T0.plusSeconds(60));
        assertThat(due).singleElement().isInstanceOfSatisfying(FloodFollowUpSent.class, followUp -> {
            assertThat(followUp.dedupKeys()).containsExactly("b", "c");
            assertThat(followUp.text()).isEqualTo("2 alerts while you were paged: b broke; c broke");
        });
        w = decider.fold(w, due);
        assertThat(decider.wakeAt(w)).isEmpty();
        assertThat(decider.decide(offer("d", null), w, T0.plusSeconds(61))).singleElement()
                .isInstanceOf(FloodAlertHeld.class); // the follow-up opened a window of its own
    }

    @Test
    void alertsOfTheGroupAlreadyPagedJoinItsPage() {
        List<FloodEvent> first = decider.decide(offer("a", "g/1"), decider.initial(), T0);
        FloodDecider.Window w = decider.fold(decider.initial(), first);
        UUID pageId = ((FloodPageSent) first.get(0)).pageId();

        assertThat(decider.decide(offer("b", "g/1"), w, T0.plusMillis(3))).singleElement()
                .isInstanceOfSatisfying(FloodAlertJoined.class, joined -> assertThat(joined.pageId()).isEqualTo(pageId));
    }

    @Test
    void aZeroWindowPagesEveryAlert() {
        FloodDecider everyAlert = new FloodDecider(Duration.ZERO);
        FloodDecider.Window w = everyAlert.initial();
        for (int i = 0; i < 5; i++) {
            List<FloodEvent> events = everyAlert.decide(offer("k" + i, null), w, T0.plusMillis(i));
            assertThat(events).singleElement().isInstanceOf(FloodPageSent.class);
            w = everyAlert.fold(w, events);
        }
    }
}
