package io.commandpost.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.EventJson;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import io.commandpost.events.ShiftEvent;
import io.commandpost.notification.announce.SubjectRenderer;
import io.commandpost.notification.announce.Subjects;
import io.commandpost.notification.oncall.Handover;
import io.commandpost.notification.oncall.OnCallLookup;
import io.commandpost.notification.oncall.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private static final Instant NOW = Instant.parse("2025-03-04T08:00:00Z");
    private static final Instant GRACE_END = NOW.plus(Duration.ofMinutes(2));
    private static final Recipient ALICE = new Recipient("alice", "Alice", "alice@example.com", "U1");
    private static final Recipient BOB = new Recipient("bob", "Bob", "bob@example.com", "U2");

    private final FakeLookup lookup = new FakeLookup();

    @Test
    void givenNoMroWithinTheGracePeriod_whenThePageIsDue_thenItWaits() {
        assertThat(Resolver.resolve(page(), lookup, SubjectRenderer::render, NOW.plusSeconds(60))).isEqualTo(new Resolution.Wait());
    }

    @Test
    void givenAnMroArrivedWithinTheGracePeriod_whenThePageIsDue_thenItGoesToThem() {
        lookup.mros.put("payments", ALICE);
        assertThat(Resolver.resolve(page(), lookup, SubjectRenderer::render, NOW.plusSeconds(60))).isEqualTo(new Resolution.Ready(ALICE, null));
    }

    @Test
    void givenStillNoMroWhenTheGracePeriodEnds_whenThePageIsDue_thenItGivesUp() {
        assertThat(Resolver.resolve(page(), lookup, SubjectRenderer::render, GRACE_END)).isEqualTo(new Resolution.GiveUp("no MRO on duty"));
    }

    @Test
    void givenTheMembersAreNotProjectedYet_whenARestRuleIsDue_thenItWaitsThenFallsBackToHandles() {
        ShiftEvent.RestRuleApplied applied = new ShiftEvent.RestRuleApplied("payments", LocalDate.of(2025, 3, 4),
                "alice", "bob", "REST_AFTER_NIGHT_DUTY", null, NOW);
        Notification n = about(DeliveryKind.ANNOUNCEMENT, Subjects.REST_RULE, applied);

        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, NOW)).isEqualTo(new Resolution.Wait());
        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, GRACE_END)).isEqualTo(new Resolution.Ready(null,
                "alice rests today after night duty; bob is MRO instead."));
        lookup.members.put("payments/alice", ALICE);
        lookup.members.put("payments/bob", BOB);
        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, NOW)).isEqualTo(new Resolution.Ready(null,
                "Alice rests today after night duty; Bob is MRO instead."));
    }

    @Test
    void givenTheShiftNamesAHandoverNotProjectedYet_whenTheMorningMessageIsDue_thenItWaitsForTheDigest() {
        UUID handoverId = UUID.randomUUID();
        ShiftEvent.ShiftStarted started = new ShiftEvent.ShiftStarted("payments", UUID.randomUUID(),
                io.commandpost.events.ShiftKind.MRO_DAY, "bob", NOW, NOW.plus(Duration.ofDays(1)), UUID.randomUUID(),
                handoverId, false, NOW);
        Notification n = about(DeliveryKind.ANNOUNCEMENT, Subjects.SHIFT, started);
        lookup.teams.put("payments", "Payments");
        lookup.members.put("payments/alice", ALICE);
        lookup.members.put("payments/bob", BOB);

        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, NOW)).isEqualTo(new Resolution.Wait());
        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, GRACE_END)).isEqualTo(new Resolution.Ready(null,
                "Good morning! Today's MRO for Payments is Bob (<@U2>)\nOvernight handover: not available."));
        lookup.handovers.put(handoverId, new Handover(handoverId, "payments", "alice", "payments", "bob",
                "all quiet", 1, null, null));
        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, NOW)).isEqualTo(new Resolution.Ready(null,
                "Good morning! Today's MRO for Payments is Bob (<@U2>)\n"
                        + "Overnight handover from Alice (1 open item): all quiet"));
    }

    @Test
    void givenTheHandoverWasAccepted_whenItsReminderIsDue_thenItIsSkipped() {
        UUID handoverId = UUID.randomUUID();
        lookup.handovers.put(handoverId, new Handover(handoverId, "payments", "alice", "payments", "bob", "", 0,
                NOW, NOW));
        Notification n = about(DeliveryKind.REMINDER, Subjects.HANDOVER, new ShiftEvent.HandoverAcceptanceOverdue(
                "payments", handoverId, "payments", "bob", NOW, NOW));
        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, NOW)).isEqualTo(new Resolution.Skip("handover already accepted"));
    }

    @Test
    void givenAFollowTheSunHandover_whenItsReminderIsDue_thenItGoesToTheReceiverInThePartnerTeam() {
        UUID handoverId = UUID.randomUUID();
        Recipient kim = new Recipient("kim", "Kim", "kim@example.com", "U9");
        lookup.handovers.put(handoverId, new Handover(handoverId, "payments", "alice", "payments-apac", "kim", "",
                2, NOW, null));
        lookup.members.put("payments/alice", ALICE);
        lookup.members.put("payments-apac/kim", kim);
        Notification n = about(DeliveryKind.REMINDER, Subjects.HANDOVER, new ShiftEvent.HandoverAcceptanceOverdue(
                "payments", handoverId, "payments-apac", "kim", NOW, NOW));
        assertThat(Resolver.resolve(n, lookup, SubjectRenderer::render, NOW)).isEqualTo(new Resolution.Ready(kim,
                "Please accept the handover from Alice (2 open items)"));
    }

    private static Notification page() {
        PageAlert alert = new PageAlert("disk", Priority.P1, "disk full", NOW, List.<Link>of());
        return Notification.page(UUID.randomUUID(), "payments", null, alert, UUID.randomUUID(), null, NOW, GRACE_END);
    }

    private static Notification about(DeliveryKind kind, String subjectType, Object event) {
        return Notification.about(UUID.randomUUID(), kind, "payments", subjectType, "id",
                EventJson.mapper().valueToTree(event), UUID.randomUUID(), null, NOW, GRACE_END);
    }

    private static final class FakeLookup implements OnCallLookup {
        final Map<String, Recipient> mros = new HashMap<>();
        final Map<String, Recipient> members = new HashMap<>();
        final Map<String, String> teams = new HashMap<>();
        final Map<UUID, Handover> handovers = new HashMap<>();

        @Override
        public Optional<Recipient> currentMro(String team) {
            return Optional.ofNullable(mros.get(team));
        }

        @Override
        public Optional<Recipient> member(String team, String handle) {
            return Optional.ofNullable(members.get(team + "/" + handle));
        }

        @Override
        public Optional<String> teamName(String team) {
            return Optional.ofNullable(teams.get(team));
        }

        @Override
        public Optional<Handover> handover(UUID handoverId) {
            return Optional.ofNullable(handovers.get(handoverId));
        }
    }
}
