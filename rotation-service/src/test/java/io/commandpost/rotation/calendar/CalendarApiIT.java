package io.commandpost.rotation.calendar;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.rotation.MutableClock;
import io.commandpost.rotation.TestTeams;
import io.commandpost.rotation.shift.HandoffAggregate;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class CalendarApiIT {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    MutableClock clock;
    @Inject
    EventStore store;

    static JsonPath issueToken(String team) {
        return given().header("Authorization", AUTH).post("/v1/teams/{id}/calendar-token", team)
                .then().statusCode(201).extract().jsonPath();
    }

    static String feed(String path) {
        return given().urlEncodingEnabled(false).get(path)
                .then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
    }

    static Instant start(VEvent event) {
        return event.getDateStart().getValue().toInstant();
    }

    @Test
    void theTeamFeedListsTheStartedShiftThenEightWeeksOfPlanAtNineLocal() {
        String team = TestTeams.uniqueTeam("ics");
        TestTeams.create(team);
        ShiftEvent.ShiftStarted first = firstShift(team);
        Instant now = clock.instant();

        String text = feed(issueToken(team).getString("teamFeed"));
        ICalendar calendar = Biweekly.parse(text).first();

        assertThat(text).contains("TZID:Europe/Paris", "DTSTART;TZID=Europe/Paris:");
        List<VEvent> events = calendar.getEvents();
        assertThat(events.get(0).getUid().getValue()).isEqualTo(first.shiftId() + "@commandpost");
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("MRO: alice");
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("MRO: bob");
        assertThat(events.get(2).getSummary().getValue()).isEqualTo("MRO: alice");
        // every handoff after the first shift is at 09:00 Paris time, whatever the UTC offset that day
        // (the shared test clock starts in March 2025, so the window spans the change to summer time)
        assertThat(events.subList(1, events.size()))
                .allSatisfy(event -> assertThat(start(event).atZone(PARIS).toLocalTime())
                        .isEqualTo(LocalTime.of(9, 0)));
        assertThat(start(events.get(events.size() - 1))).isBetween(now.plus(Duration.ofDays(54)),
                now.plus(FeedDuties.AHEAD));
        assertThat(events).extracting(event -> event.getUid().getValue()).doesNotHaveDuplicates();
    }

    @Test
    void theMemberFeedHoldsOnlyThatMembersDuties() {
        String team = TestTeams.uniqueTeam("ics-member");
        TestTeams.create(team);

        String text = feed(issueToken(team).getString("memberFeeds.bob"));

        List<VEvent> events = Biweekly.parse(text).first().getEvents();
        assertThat(events).hasSizeGreaterThan(20)
                .allSatisfy(event -> assertThat(event.getSummary().getValue()).isEqualTo("MRO: bob"));
    }

    @Test
    void aWrongMissingOrRotatedTokenFindsNothing() {
        String team = TestTeams.uniqueTeam("ics-token");
        TestTeams.create(team);
        String base = "/v1/calendars/teams/" + team + ".ics";

        given().get(base + "?token=guess").then().statusCode(404).contentType("application/problem+json");
        String oldFeed = issueToken(team).getString("teamFeed");
        feed(oldFeed);
        given().get(base).then().statusCode(404);
        given().get(base + "?token=guess").then().statusCode(404);

        JsonPath rotated = issueToken(team);
        given().urlEncodingEnabled(false).get(oldFeed).then().statusCode(404);
        feed(rotated.getString("teamFeed"));
        String token = rotated.getString("token");
        given().get("/v1/calendars/teams/" + team + "/members/mallory.ics?token=" + token).then().statusCode(404);
        given().get("/v1/calendars/teams/" + TestTeams.uniqueTeam("other") + ".ics?token=" + token)
                .then().statusCode(404);
        given().post("/v1/teams/{id}/calendar-token", team).then().statusCode(401);
        given().header("Authorization", AUTH).post("/v1/teams/{id}/calendar-token", TestTeams.uniqueTeam("none"))
                .then().statusCode(404);
    }

    private ShiftEvent.ShiftStarted firstShift(String team) {
        return store.load(HandoffAggregate.STREAM_TYPE, team).stream().map(EventEnvelope::event)
                .flatMap(java.util.Optional::stream).filter(ShiftEvent.ShiftStarted.class::isInstance)
                .map(ShiftEvent.ShiftStarted.class::cast).findFirst().orElseThrow();
    }
}
