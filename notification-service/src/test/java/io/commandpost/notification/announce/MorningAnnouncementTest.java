package io.commandpost.notification.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.notification.digest.Digest;
import io.commandpost.notification.digest.DigestItem;
import io.commandpost.notification.oncall.Handover;
import io.commandpost.notification.oncall.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MorningAnnouncementTest {

    private static final Instant NINE = Instant.parse("2025-03-04T08:00:00Z");
    private static final Instant SINCE = NINE.minus(Duration.ofHours(24));
    private static final Recipient ALICE = new Recipient("alice", "Alice", "alice@example.com", "U1");
    private static final Recipient BOB = new Recipient("bob", "Bob", "bob@example.com", "U2");
    private static final Recipient CAROL = new Recipient("carol", "Carol", "carol@example.com", null);
    private static final Recipient DAN = new Recipient("dan", null, null, null);
    private static final Handover HANDOVER = new Handover(UUID.randomUUID(), "payments", "alice", "payments", "bob",
            "db failover pending", 2, null, null);

    @Test
    void givenAFullMorning_whenRendered_thenTheTextSaysWhoWhyWhoRestsTheHandoverAndTheDigestWithLinks() {
        Digest digest = Digest.of(SINCE, NINE, List.of(
                new DigestItem("alert", "disk", "disk full on <db-1> & co", NINE.minus(Duration.ofHours(6)),
                        NINE.minus(Duration.ofHours(5)), "https://cp/a/disk"),
                new DigestItem("incident", "i1", "Payments down", NINE.minus(Duration.ofHours(3)), null,
                        "https://cp/i/i1"),
                new DigestItem("question", "q1", "Is the VPN down?", NINE.minus(Duration.ofDays(2)), null,
                        "https://cp/q/q1")));

        MorningAnnouncement announcement = new MorningAnnouncement("Payments", BOB, Optional.of(CAROL),
                "bob: owed 1 day (rested after night duty on 3 Dec)", Optional.of(DAN),
                List.of(new MorningAnnouncement.Resting(ALICE, BOB, "REST_AFTER_NIGHT_DUTY"),
                        new MorningAnnouncement.Resting(CAROL, BOB, "LEAVE")),
                true, Optional.of(HANDOVER), Optional.of(ALICE), digest);

        assertThat(announcement.text()).isEqualTo("""
                Good morning! Today's MRO for Payments is Bob (<@U2>)
                Planned: Carol; Bob stands in.
                Why: bob: owed 1 day (rested after night duty on 3 Dec)
                Tonight's night duty: dan
                Resting today: Alice after night duty (Bob covers); Carol on leave (Bob covers)
                Overnight handover from Alice (2 open items): db failover pending
                Overnight digest (since 3 Mar 08:00 UTC): 2 arrived, 1 closed, 2 still open
                Arrived:
                • Alert <https://cp/a/disk|disk full on &lt;db-1&gt; &amp; co>
                • Incident <https://cp/i/i1|Payments down>
                Closed:
                • Alert <https://cp/a/disk|disk full on &lt;db-1&gt; &amp; co>
                Still open:
                • Incident <https://cp/i/i1|Payments down>
                • Question <https://cp/q/q1|Is the VPN down?>""");
    }

    @Test
    void givenAQuietNight_whenRendered_thenTheDigestSaysSoAndNothingElseIsInvented() {
        MorningAnnouncement announcement = new MorningAnnouncement("Payments", BOB, Optional.empty(), null,
                Optional.empty(), List.of(), false, Optional.empty(), Optional.empty(),
                Digest.of(SINCE, NINE, List.of()));

        assertThat(announcement.text()).isEqualTo("""
                Good morning! Today's MRO for Payments is Bob (<@U2>)
                Overnight digest (since 3 Mar 08:00 UTC): quiet, nothing arrived and nothing is open.""");
    }

    @Test
    void givenMoreThanTenItemsInAPart_whenRendered_thenTenAreListedAndTheRestCounted() {
        List<DigestItem> items = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            items.add(new DigestItem("alert", "a" + (10 + i), "alert " + i, NINE.minus(Duration.ofMinutes(60 - i)),
                    null, "https://cp/" + i));
        }
        String text = new MorningAnnouncement("Payments", BOB, Optional.empty(), null, Optional.empty(), List.of(),
                false, Optional.empty(), Optional.empty(), Digest.of(SINCE, NINE, items)).text();

        assertThat(text).contains("13 arrived, 0 closed, 13 still open");
        assertThat(text.lines().filter(line -> line.startsWith("• Alert"))).hasSize(20);
        assertThat(text.lines().filter(line -> line.equals("• … and 3 more"))).hasSize(2);
    }

    @Test
    void givenAMorning_whenRenderedAsBlockKit_thenAHeaderTheDutyTheHandoverAndTheDigestAreSections() {
        MorningAnnouncement announcement = new MorningAnnouncement("Payments", BOB, Optional.empty(), "bob: next",
                Optional.empty(), List.of(), true, Optional.of(HANDOVER), Optional.of(ALICE),
                Digest.of(SINCE, NINE, List.of()));

        List<Map<String, Object>> blocks = announcement.blocks();

        assertThat(blocks).extracting(block -> block.get("type"))
                .containsExactly("header", "section", "section", "divider", "section");
        assertThat(blocks.get(0).get("text")).isEqualTo(Map.of("type", "plain_text",
                "text", "Good morning, Payments!", "emoji", true));
        assertThat(blocks.get(1).get("text")).isEqualTo(Map.of("type", "mrkdwn",
                "text", "Today's MRO for Payments is Bob (<@U2>)\nWhy: bob: next"));
        assertThat(blocks.get(2).get("text")).isEqualTo(Map.of("type", "mrkdwn",
                "text", "Overnight handover from Alice (2 open items): db failover pending"));
        assertThat(((Map<?, ?>) blocks.get(4).get("text")).get("text").toString()).startsWith("Overnight digest");
    }

    @Test
    void givenNoDigestSource_whenRendered_thenTheMessageIsTheDutyAndHandoverOnly() {
        MorningAnnouncement announcement = new MorningAnnouncement("Payments", BOB, Optional.empty(), null,
                Optional.empty(), List.of(), true, Optional.empty(), Optional.empty(), null);

        assertThat(announcement.text()).isEqualTo(
                "Good morning! Today's MRO for Payments is Bob (<@U2>)\nOvernight handover: not available.");
        assertThat(announcement.blocks()).extracting(block -> block.get("type"))
                .containsExactly("header", "section", "section");
    }
}
