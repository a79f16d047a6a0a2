package io.commandpost.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {

    private static final Instant NINE = Instant.parse("2025-03-04T08:00:00Z");
    private static final Instant SINCE = NINE.minus(Duration.ofHours(24));

    @Test
    void givenItemsAroundTheNight_whenTheDigestIsTaken_thenEachIsArrivedClosedOrStillOpenAsItsTimesSay() {
        DigestItem oldOpen = item("incident", "i-old", SINCE.minus(Duration.ofDays(3)), null);
        DigestItem oldClosedLongAgo = item("alert", "a-gone", SINCE.minus(Duration.ofDays(2)), SINCE.minusSeconds(1));
        DigestItem arrivedAndClosed = item("alert", "a-night", NINE.minus(Duration.ofHours(5)),
                NINE.minus(Duration.ofHours(4)));
        DigestItem arrivedOpen = item("question", "q-1", NINE.minus(Duration.ofHours(2)), null);
        DigestItem closedAfterNine = item("alert", "a-late", NINE.minus(Duration.ofHours(1)), NINE.plusSeconds(30));
        DigestItem afterNine = item("question", "q-2", NINE.plusSeconds(1), null);

        Digest digest = Digest.of(SINCE, NINE, List.of(afterNine, oldOpen, oldClosedLongAgo, arrivedAndClosed,
                arrivedOpen, closedAfterNine));

        assertThat(digest.arrived()).extracting(DigestItem::id).containsExactly("a-night", "a-late", "q-1");
        assertThat(digest.closed()).extracting(DigestItem::id).containsExactly("a-night");
        assertThat(digest.stillOpen()).extracting(DigestItem::id).containsExactly("a-late", "i-old", "q-1");
        assertThat(digest.quiet()).isFalse();
    }

    @Test
    void givenNothingInTheWindowAndNothingOpen_whenTheDigestIsTaken_thenItIsQuiet() {
        Digest digest = Digest.of(SINCE, NINE, List.of(
                item("alert", "a-gone", SINCE.minus(Duration.ofDays(2)), SINCE.minusSeconds(1))));
        assertThat(digest.quiet()).isTrue();
    }

    @Test
    void linksOpenTheQueueItemOrTheIncidentWithTheirIdsEscaped() {
        DigestLinks links = new DigestLinks("https://commandpost.example.com/");
        assertThat(links.link("payments", "alert", "disk full/db 1"))
                .isEqualTo("https://commandpost.example.com/v1/teams/payments/queue/alert/disk%20full%2Fdb%201");
        assertThat(links.link("payments", "incident", "42"))
                .isEqualTo("https://commandpost.example.com/v1/incidents/42");
        assertThat(links.link("payments", "question", "q1"))
                .isEqualTo("https://commandpost.example.com/v1/teams/payments/queue/question/q1");
    }

    static DigestItem item(String kind, String id, Instant arrivedAt, Instant closedAt) {
        return new DigestItem(kind, id, id + " title", arrivedAt, closedAt, "https://x/" + id);
    }
}
