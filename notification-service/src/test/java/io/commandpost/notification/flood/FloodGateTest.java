package io.commandpost.notification.flood;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.notification.flood.FloodGate.FollowUp;
import io.commandpost.notification.flood.FloodGate.Hold;
import io.commandpost.notification.flood.FloodGate.Join;
import io.commandpost.notification.flood.FloodGate.Outcome;
import io.commandpost.notification.flood.FloodGate.Request;
import io.commandpost.notification.flood.FloodGate.Send;
import io.commandpost.notification.flood.FloodGate.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FloodGateTest {

    static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    /** Offers alerts at their instants and ticks every second; records what pages went out and which alerts each names. */
    static final class Person {
        State state = State.empty();
        final Map<UUID, List<String>> pages = new HashMap<>();
        final List<UUID> order = new ArrayList<>();
        Instant clock = T0;

        void offer(Request request, Duration window, Instant at) {
            tickUntil(at);
            Outcome outcome = FloodGate.offer(state, request, window, UUID.randomUUID(), at);
            state = outcome.state();
            if (outcome instanceof Send send) {
                page(send.pageId()).add(request.dedupKey());
            } else if (outcome instanceof Join join) {
                pages.get(join.pageId()).add(request.dedupKey());
            } else if (outcome instanceof FollowUp followUp) {
                followUp.alerts().forEach(a -> page(followUp.pageId()).add(a.dedupKey()));
            } else {
                assertThat(outcome).isInstanceOf(Hold.class);
            }
        }

        void tickUntil(Instant until) {
            for (; !clock.isAfter(until); clock = clock.plusSeconds(1)) {
                FollowUp followUp = FloodGate.tick(state, UUID.randomUUID(), clock);
                if (followUp != null) {
                    state = followUp.state();
                    followUp.alerts().forEach(a -> page(followUp.pageId()).add(a.dedupKey()));
                }
            }
        }

        private List<String> page(UUID id) {
            order.add(id);
            return pages.computeIfAbsent(id, k -> new ArrayList<>());
        }

        long alertsNamed() {
            return pages.values().stream().mapToLong(List::size).sum();
        }
    }

    @Test
    void fiveThousandDistinctAlertsWithinAMinutePageTheOnDutyPersonTwiceAndNameEveryAlert() {
        Person alice = new Person();
        Random random = new Random(11);
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            arrivals.add(T0.plusMillis(random.nextInt(60_000)));
        }
        arrivals.sort(null);
        for (int i = 0; i < arrivals.size(); i++) {
            alice.offer(new Request("alert-" + i, "disk full on node " + i, null), MINUTE, arrivals.get(i));
        }
        alice.tickUntil(T0.plus(Duration.ofMinutes(5)));

        assertThat(alice.pages).hasSize(2); // the first alert at once, one follow-up naming the 4,999 others
        assertThat(alice.alertsNamed()).isEqualTo(5_000);
        assertThat(alice.pages.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(5_000);
        assertThat(alice.state.held()).isEmpty();
    }

    @Test
    void aPersonGetsAtMostOnePagePerWindowAndTheFollowUpComesWhenTheWindowEnds() {
        Person alice = new Person();
        alice.offer(new Request("a", "a", null), MINUTE, T0);
        alice.offer(new Request("b", "b", null), MINUTE, T0.plusSeconds(10));
        alice.offer(new Request("c", "c", null), MINUTE, T0.plusSeconds(20));
        alice.tickUntil(T0.plusSeconds(59));
        assertThat(alice.pages).hasSize(1);

        alice.tickUntil(T0.plusSeconds(60));
        assertThat(alice.pages).hasSize(2);
        assertThat(alice.pages.get(alice.order.get(alice.order.size() - 1))).containsExactly("b", "c");

        alice.offer(new Request("d", "d", null), MINUTE, T0.plusSeconds(90)); // within the follow-up's window
        assertThat(alice.pages).hasSize(2);
        alice.tickUntil(T0.plusSeconds(120));
        assertThat(alice.pages).hasSize(3);
    }

    @Test
    void aZeroWindowPagesEveryAlert() {
        Person alice = new Person();
        for (int i = 0; i < 50; i++) {
            alice.offer(new Request("k" + i, null, null), Duration.ZERO, T0.plusMillis(i));
        }
        assertThat(alice.pages).hasSize(50);
    }

    @Test
    void theAlertsOfOneGroupAreOnePageEvenWithoutAWindow() {
        for (Duration window : List.of(Duration.ZERO, MINUTE)) {
            Person alice = new Person();
            for (int i = 0; i < 20; i++) {
                alice.offer(new Request("k" + i, null, "group-1/request-1"), window, T0.plusMillis(i));
            }
            alice.offer(new Request("other", null, "group-2/request-2"), window, T0.plusSeconds(61));
            assertThat(alice.pages).as("window %s", window).hasSize(2);
            assertThat(alice.pages.get(alice.order.get(0))).hasSize(20);
        }
    }

    @Test
    void aFollowUpSaysHowManyAndWhich() {
        List<Request> held = List.of(new Request("a", "db down", null), new Request("b", null, null),
                new Request("c", "disk", null));
        assertThat(FloodGate.followUpText(held, 2)).isEqualTo("3 alerts while you were paged: db down; b and 1 more");
    }
}
