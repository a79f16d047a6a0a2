package io.commandpost.rotation.nightpage;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.NotificationEvent.NotificationSent;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.Topics;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.rotation.MutableClock;
import io.commandpost.rotation.TestTeams;
import io.commandpost.rotation.TopicReader;
import io.commandpost.rotation.shift.HandoffAggregate;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rule 2 against the real broker: a page at 02:00 to tomorrow's MRO changes tomorrow's plan and says why. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class NightPageFlowIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    MutableClock clock;
    @Inject
    EventStore store;
    @Inject
    NightPageStore nightPages;

    @Test
    void aNightPageToTomorrowsMroChangesTomorrowsPlanAndSaysWhy() {
        String id = TestTeams.uniqueTeam("pages");
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(TestTeams.teamBody(id, "Europe/Paris", "09:00", """
                        [{"handle":"alice","email":"alice@example.com"},{"handle":"bob","email":"bob@example.com"},
                         {"handle":"carol","email":"carol@example.com"}]""", "[\"alice\",\"bob\",\"carol\"]"))
                .post("/v1/teams").then().statusCode(201);
        JsonPath before = schedule(id);
        LocalDate tomorrow = LocalDate.parse(before.getString("days[1].day"));
        String plannedMro = before.getString("days[1].mro.member");
        Instant twoAm = tomorrow.atTime(LocalTime.of(2, 0)).atZone(PARIS).toInstant();
        if (clock.instant().isBefore(twoAm)) {
            clock.set(twoAm.plusSeconds(30));
        }

        EventEnvelope page = page(id, plannedMro, twoAm);
        TestKafka.produce(page);

        EventEnvelope applied = TopicReader.await(Topics.SHIFTS, id, "shift.rest-rule-applied",
                envelope -> envelope.data().get("skipped").asText().equals(plannedMro));
        ShiftEvent.RestRuleApplied rule = (ShiftEvent.RestRuleApplied) applied.event().orElseThrow();
        assertThat(rule.day()).isEqualTo(tomorrow);
        assertThat(rule.reason()).isEqualTo("REST_AFTER_NIGHT_PAGE");
        assertThat(rule.cause()).isEqualTo(page.eventId());
        assertThat(rule.covering()).isNotEqualTo(plannedMro).isIn("alice", "bob", "carol");

        JsonPath after = schedule(id);
        assertThat(after.getString("days[1].mro.member")).isEqualTo(rule.covering());
        assertThat(after.getString("days[1].skips[0].skipped")).isEqualTo(plannedMro);
        assertThat(after.getString("days[1].skips[0].reason")).isEqualTo("REST_AFTER_NIGHT_PAGE");
        Instant tomorrowNoon = tomorrow.atTime(12, 0).atZone(PARIS).toInstant();
        given().header("Authorization", AUTH).queryParam("at", tomorrowNoon.toString())
                .get("/v1/teams/" + id + "/on-call")
                .then().statusCode(200)
                .body("mro.member", equalTo(rule.covering()))
                .body("mro.reason", containsString(plannedMro))
                .body("skips[0].reason", equalTo("REST_AFTER_NIGHT_PAGE"));

        // the same event redelivered and the same page sent again change nothing; a page to the covering
        // member afterwards (same key, so consumed after them) proves they were consumed
        TestKafka.produce(page);
        TestKafka.produce(page(id, plannedMro, twoAm.plusSeconds(60), page.aggregateId()));
        TestKafka.produce(page(id, rule.covering(), twoAm.plusSeconds(120), page.aggregateId()));
        TopicReader.await(Topics.SHIFTS, id, "shift.rest-rule-applied",
                envelope -> envelope.data().get("skipped").asText().equals(rule.covering()));
        List<ShiftEvent.RestRuleApplied> rules = store.load(HandoffAggregate.STREAM_TYPE, id).stream()
                .map(EventEnvelope::event).flatMap(java.util.Optional::stream)
                .filter(ShiftEvent.RestRuleApplied.class::isInstance).map(ShiftEvent.RestRuleApplied.class::cast)
                .filter(r -> r.skipped().equals(plannedMro)).toList();
        assertThat(rules).hasSize(1);
        // one row per member and rest day: the second page to the same member that night is not kept
        assertThat(nightPages.ofTeam(id)).extracting(NightPageStore.NightPage::member)
                .containsExactlyInAnyOrder(plannedMro, rule.covering());
        assertThat(nightPages.ofTeam(id)).filteredOn(p -> p.member().equals(plannedMro))
                .extracting(NightPageStore.NightPage::eventId).containsExactly(page.eventId());
    }

    private static JsonPath schedule(String id) {
        return given().header("Authorization", AUTH).queryParam("days", 2)
                .get("/v1/teams/" + id + "/schedule").then().statusCode(200).extract().jsonPath();
    }

    private static EventEnvelope page(String team, String recipient, Instant sentAt) {
        return page(team, recipient, sentAt, UUID.randomUUID().toString());
    }

    private static EventEnvelope page(String team, String recipient, Instant sentAt, String notificationId) {
        NotificationSent sent = new NotificationSent(UUID.fromString(notificationId), team, recipient, "slack",
                "alert", "disk-full", UUID.randomUUID(), 1, sentAt);
        return EventEnvelope.wrap(sent, 1, sentAt, UUID.randomUUID(), UUID.randomUUID(), null,
                "notification-service");
    }
}
