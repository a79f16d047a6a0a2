package io.commandpost.notification.oncall;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.handedOver;
import static io.commandpost.notification.support.TestEvents.member;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.shift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.NotificationTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class OnCallProjectionRebuildIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    OnCallDirectory onCall;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theShiftCoveringTheInstantIsOnDutyWhateverTheArrivalOrderAndAtNightThatIsTheNightDuty() {
        String team = unique("order");
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(mroShift(team, "bob", T0.plus(Duration.ofDays(1))), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 2)); // late event of an older shift
        EventEnvelope night = envelope(shift(team, "carol", ShiftKind.NIGHT_DUTY, T0.plus(Duration.ofDays(2))), 3);
        EventTopics.produce(night);

        await().atMost(WAIT).until(() -> Db.processed(dataSource, OnCallProjection.NAME, night.eventId()));
        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofHours(3))).map(Recipient::handle)).contains("alice");
        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofHours(27)))).contains(
                new Recipient("bob", "Bob", "bob@example.com", "U-bob"));
        // the night duty, not the day's MRO (carol is not a member the projection knows: handle only)
        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofHours(50))).map(Recipient::handle)).contains("carol");
        assertThat(onCall.currentMro(team).map(Recipient::handle)).contains("carol"); // the latest shift holds
        assertThat(onCall.onDutyAt(team, T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void anOverrideRecordedMidShiftMovesPagesFromItsStartUntilCancelled() {
        String team = unique("override");
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 1));
        UUID overrideId = UUID.randomUUID();
        EventEnvelope recorded = envelope(new TeamEvent.OverrideRecorded(team, overrideId, ShiftKind.MRO_DAY, "bob",
                "alice", T0.plus(Duration.ofMinutes(97)), T0.plus(Duration.ofHours(5)), "alice", T0), 2);
        EventTopics.produce(recorded);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, OnCallProjection.NAME, recorded.eventId()));

        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofMinutes(96))).map(Recipient::handle)).contains("alice");
        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofMinutes(97))).map(Recipient::handle)).contains("bob");
        EventEnvelope cancelled = envelope(new TeamEvent.OverrideCancelled(team, overrideId, T0), 3);
        EventTopics.produce(cancelled);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, OnCallProjection.NAME, cancelled.eventId()));
        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofMinutes(97))).map(Recipient::handle)).contains("alice");
    }

    @Test
    void afterAFollowTheSunHandoverThePartnersOnDutyPersonIsPagedUntilTheTeamsNextShift() {
        String team = unique("sun");
        String partner = unique("apac");
        EventTopics.produce(envelope(teamCreated(team, "alice"), 1));
        EventTopics.produce(envelope(teamCreated(partner, "kenji"), 1));
        EventTopics.produce(envelope(mroShift(partner, "kenji", T0), 2));
        ShiftEvent.ShiftStarted day = mroShift(team, "alice", T0);
        EventTopics.produce(envelope(day, 2));
        EventTopics.produce(envelope(new ShiftEvent.ShiftHandedOver(team, day.shiftId(), UUID.randomUUID(), "alice",
                partner, "kenji", "all yours", List.of(), null, T0.plusSeconds(3600)), 3));
        EventEnvelope next = envelope(mroShift(team, "alice", T0.plus(Duration.ofDays(1))), 4);
        EventTopics.produce(next);
        await().atMost(WAIT).until(() -> Db.processed(dataSource, OnCallProjection.NAME, next.eventId()));

        assertThat(onCall.onDutyAt(team, T0.plusSeconds(3599)).map(Recipient::handle)).contains("alice");
        assertThat(onCall.onDutyAt(team, T0.plusSeconds(3600)).map(Recipient::handle)).contains("kenji");
        assertThat(onCall.onDutyAt(team, T0.plus(Duration.ofDays(1))).map(Recipient::handle)).contains("alice");
    }

    @Test
    void aHandoverMovesTheRestOfTheShiftToItsReceiver() {
        String team = unique("handover");
        ShiftEvent.ShiftStarted started = mroShift(team, "alice", T0);
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(started, 1));
        EventTopics.produce(envelope(new ShiftEvent.ShiftHandedOver(team, started.shiftId(), UUID.randomUUID(),
                "alice", team, "bob", "sick", List.of(), null, T0.plusSeconds(3600)), 2));

        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of("bob")));
    }

    @Test
    void anAddedMemberCanBeFoundAndAnUpdateReplacesTheirDetails() {
        String team = unique("members");
        EventTopics.produce(envelope(teamCreated(team, "alice"), 1));
        EventTopics.produce(envelope(new TeamEvent.MemberAdded(team, member("ivy", "Ivy", "U-ivy", List.of("db")),
                T0.plusSeconds(60)), 2));
        EventEnvelope updated = envelope(new TeamEvent.MemberUpdated(team,
                member("ivy", "Ivy Ng", "U-ivy2", List.of("db", "kafka")), T0.plusSeconds(120)), 3);
        EventTopics.produce(updated);

        await().atMost(WAIT).until(() -> Db.processed(dataSource, OnCallProjection.NAME, updated.eventId()));
        assertThat(onCall.member(team, "ivy")).contains(new Recipient("ivy", "Ivy Ng", "ivy@example.com", "U-ivy2"));
        assertThat(Db.rows(dataSource, "select skills::text as skills from oncall_member where team_id = ? and handle = ?",
                team, "ivy")).containsExactly(Map.of("skills", "[\"db\", \"kafka\"]"));
        assertThat(onCall.teamName(team)).contains(Character.toUpperCase(team.charAt(0)) + team.substring(1));
    }

    @Test
    void rebuiltOnCallProjectionEqualsTheLiveOne() {
        String first = unique("rebuild");
        String second = unique("rebuild");
        EventTopics.produce(envelope(teamCreated(first, "alice", "bob"), 1));
        EventTopics.produce(envelope(teamCreated(second, "carol", "dave"), 1));
        EventTopics.produce(envelope(mroShift(first, "alice", T0), 1));
        EventTopics.produce(envelope(mroShift(first, "bob", T0.plus(Duration.ofDays(1))), 2));
        EventTopics.produce(envelope(mroShift(second, "dave", T0.plus(Duration.ofDays(1))), 1));
        EventTopics.produce(envelope(mroShift(second, "carol", T0), 2));
        EventTopics.produce(envelope(shift(second, "carol", ShiftKind.NIGHT_DUTY, T0.plus(Duration.ofDays(3))), 3));
        EventTopics.produce(envelope(new TeamEvent.MemberAdded(first, member("eve", "Eve", "U-eve", List.of("java")),
                T0), 2));
        EventTopics.produce(envelope(new TeamEvent.MemberUpdated(second, member("dave", "David", null, List.of()),
                T0), 2));
        ShiftEvent.ShiftHandedOver handover = handedOver(second, UUID.randomUUID(), "carol", "dave", "notes",
                List.of("x", "y"));
        EventTopics.produce(envelope(handover, 4));
        EventEnvelope accepted = envelope(new ShiftEvent.ShiftHandoverAccepted(second, handover.handoverId(), "dave",
                T0.plus(Duration.ofHours(12))), 5);
        EventTopics.produce(accepted);
        await().atMost(WAIT).until(() -> onCall.currentMro(first).map(Recipient::handle).equals(Optional.of("bob"))
                && snapshot(first, second).get("members").size() == 5
                && Db.processed(dataSource, OnCallProjection.NAME, accepted.eventId())
                && onCall.onDutyAt(second, T0.plus(Duration.ofHours(25))).map(Recipient::handle)
                .equals(Optional.of("dave")));
        Map<String, List<Map<String, Object>>> live = snapshot(first, second);
        Db.rows(dataSource, "delete from oncall_mro where team_id = ? returning team_id", first); // drift the rebuild must repair

        given().auth().oauth2(NotificationTestResource.API_KEY).post("/admin/projections/on-call/rebuild")
                .then().statusCode(200).body("eventsApplied", greaterThan(0));

        Map<String, List<Map<String, Object>>> rebuilt = snapshot(first, second);
        assertThat(rebuilt).isEqualTo(live);
        assertThat(rebuilt.get("mros")).hasSize(2);
        assertThat(rebuilt.get("teams")).hasSize(2);
        assertThat(rebuilt.get("handovers")).hasSize(1);
        assertThat(rebuilt.get("shifts")).hasSize(5);
        assertThat(onCall.handover(handover.handoverId())).hasValueSatisfying(h -> {
            assertThat(h.openItems()).isEqualTo(2);
            assertThat(h.accepted()).isTrue();
        });
    }

    private Map<String, List<Map<String, Object>>> snapshot(String... teams) {
        return Map.of(
                "teams", Db.rows(dataSource, "select * from oncall_team where team_id = any(?) order by team_id",
                        (Object) teams),
                "handovers", Db.rows(dataSource,
                        "select * from oncall_handover where team_id = any(?) order by handover_id", (Object) teams),
                "members", Db.rows(dataSource, "select * from oncall_member where team_id = any(?) order by team_id, handle",
                        (Object) teams),
                "mros", Db.rows(dataSource, "select * from oncall_mro where team_id = any(?) order by team_id",
                        (Object) teams),
                "shifts", Db.rows(dataSource,
                        "select * from oncall_shift where team_id = any(?) order by team_id, shift_id", (Object) teams),
                "shiftHandovers", Db.rows(dataSource,
                        "select * from oncall_shift_handover where team_id = any(?) order by handover_id",
                        (Object) teams));
    }
}
