package io.commandpost.rotation;

import static io.commandpost.rotation.TestTeams.AUTH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.timer.TimerWorker;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.PlannedShift;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.shift.HandoffAggregate;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The handover receiver, the calendar and the shifts the handoff job starts all come from the same
 * duty plan: with a rest rule in force, all three name the covering member, and a planned calendar
 * event carries the UID of the shift that then starts, for MRO days and night duties alike.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "commandpost_rotation"))
class PlanAgreementFlowIT {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String ALICE_BOB_CAROL = """
            [{"handle":"alice"},{"handle":"bob"},{"handle":"carol"}]""";

    @Inject
    MutableClock clock;
    @Inject
    TimerWorker job;
    @Inject
    TeamPlans plans;
    @Inject
    EventStore store;

    @Test
    void withARestRuleTomorrowTheHandoverTheCalendarAndTheStartedShiftAllNameTheCoveringMember() {
        String team = createTeamWithNightDuty("agree", "alice");
        LocalDate today = dutyDayOf(clock.instant());
        // night duty applies from tomorrow on: alice has every night from then, so she rests every
        // day after one; walk to the first day whose plan skips her to cover her rest
        LocalDate restDay = today.plusDays(2);
        while (restSkip(team, restDay).isEmpty()) {
            restDay = restDay.plusDays(1);
        }
        LocalDate handoverDay = restDay.minusDays(1);
        handoffAt(handoverDay);
        ShiftStarted mroOnDuty = lastStarted(team, ShiftKind.MRO_DAY);
        assertThat(dutyDayOf(mroOnDuty.startsAt())).isEqualTo(handoverDay);

        DayPlan.Skip skip = restSkip(team, restDay).orElseThrow();
        assertThat(skip.skipped()).isEqualTo("alice");
        String covering = skip.covering();
        assertThat(covering).isNotEqualTo("alice").isNotEqualTo(mroOnDuty.member());

        // the handover goes to the covering member
        given().header("Authorization", TestTokens.bearer(mroOnDuty.member(), "responder")).contentType(ContentType.JSON)
                .body("{\"notes\":\"quiet day\"}")
                .post("/v1/teams/{id}/handovers", team)
                .then().statusCode(201).body("to", equalTo(covering)).body("toTeam", equalTo(team));

        // the calendar shows the covering member on the rest day, and tonight's night duty
        List<VEvent> feed = feed(team);
        Instant restDayStart = restDay.atTime(9, 0).atZone(PARIS).toInstant();
        VEvent plannedMro = eventAt(feed, restDayStart, "MRO: ");
        assertThat(plannedMro.getSummary().getValue()).isEqualTo("MRO: " + covering);
        Instant tonight = handoverDay.atTime(18, 0).atZone(PARIS).toInstant();
        VEvent plannedNight = eventAt(feed, tonight, "Night duty: ");
        assertThat(plannedNight.getSummary().getValue()).isEqualTo("Night duty: alice");

        // the job then starts exactly those shifts, under the UIDs the calendar already gave them
        handoffAt(restDay);
        ShiftStarted started = lastStarted(team, ShiftKind.MRO_DAY);
        assertThat(started.startsAt()).isEqualTo(restDayStart);
        assertThat(started.member()).isEqualTo(covering);
        assertThat(plannedMro.getUid().getValue()).isEqualTo(started.shiftId() + "@commandpost");
        ShiftStarted night = lastStarted(team, ShiftKind.NIGHT_DUTY);
        assertThat(night.startsAt()).isEqualTo(tonight);
        assertThat(night.member()).isEqualTo("alice");
        assertThat(plannedNight.getUid().getValue()).isEqualTo(night.shiftId() + "@commandpost");
    }

    @Test
    void configuredNightDutyShowsUpInTheTeamAndMemberFeedsAtEighteenLocal() {
        String team = createTeamWithNightDuty("night-feed", "bob");
        LocalDate firstNight = dutyDayOf(clock.instant()).plusDays(1);

        List<VEvent> nights = feed(team).stream()
                .filter(event -> event.getSummary().getValue().startsWith("Night duty: ")).toList();

        assertThat(nights).hasSizeGreaterThan(50).allSatisfy(event -> {
            assertThat(event.getSummary().getValue()).isEqualTo("Night duty: bob");
            Instant start = event.getDateStart().getValue().toInstant();
            assertThat(start.atZone(PARIS).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(event.getUid().getValue())
                    .isEqualTo(PlannedShift.idOf(team, ShiftKind.NIGHT_DUTY, start) + "@commandpost");
        });
        assertThat(nights.get(0).getDateStart().getValue().toInstant())
                .isEqualTo(firstNight.atTime(18, 0).atZone(PARIS).toInstant());
        String token = given().header("Authorization", AUTH).post("/v1/teams/{id}/calendar-token", team)
                .then().statusCode(201).extract().path("token");
        String bobs = given().get("/v1/calendars/teams/" + team + "/members/bob.ics?token=" + token)
                .then().statusCode(200).extract().asString();
        assertThat(Biweekly.parse(bobs).first().getEvents())
                .anySatisfy(event -> assertThat(event.getSummary().getValue()).isEqualTo("Night duty: bob"));
    }

    private String createTeamWithNightDuty(String prefix, String nightMember) {
        String team = TestTeams.uniqueTeam(prefix);
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body(TestTeams.teamBody(team, "Europe/Paris", "09:00", ALICE_BOB_CAROL, "[\"alice\",\"bob\",\"carol\"]"))
                .post("/v1/teams").then().statusCode(201);
        given().header("Authorization", AUTH).contentType(ContentType.JSON)
                .body("{\"rotation\":[\"" + nightMember + "\"],\"shiftLength\":\"DAILY\"}")
                .put("/v1/teams/{id}/night-duty", team).then().statusCode(200);
        return team;
    }

    private Optional<DayPlan.Skip> restSkip(String team, LocalDate day) {
        return plans.of(team).orElseThrow().day(day).skips().stream()
                .filter(skip -> skip.reason() == DayPlan.Reason.REST_AFTER_NIGHT_DUTY).findFirst();
    }

    /** Moves the shared clock just past {@code day}'s 09:00 handoff and fires the due timers once. */
    private void handoffAt(LocalDate day) {
        clock.set(day.atTime(9, 0, 5).atZone(PARIS).toInstant());
        job.fireDue();
    }

    private static LocalDate dutyDayOf(Instant instant) {
        var local = instant.atZone(PARIS);
        return local.toLocalTime().isBefore(LocalTime.of(9, 0)) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
    }

    private ShiftStarted lastStarted(String team, ShiftKind kind) {
        return store.load(HandoffAggregate.STREAM_TYPE, team).stream().map(EventEnvelope::event)
                .flatMap(Optional::stream).filter(ShiftStarted.class::isInstance).map(ShiftStarted.class::cast)
                .filter(shift -> shift.kind() == kind).reduce((first, second) -> second).orElseThrow();
    }

    private static List<VEvent> feed(String team) {
        String path = given().header("Authorization", AUTH).post("/v1/teams/{id}/calendar-token", team)
                .then().statusCode(201).extract().path("teamFeed");
        String text = given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString();
        return Biweekly.parse(text).first().getEvents();
    }

    private static VEvent eventAt(List<VEvent> events, Instant start, String summaryPrefix) {
        return events.stream()
                .filter(event -> event.getDateStart().getValue().toInstant().equals(start)
                        && event.getSummary().getValue().startsWith(summaryPrefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + summaryPrefix + "event at " + start));
    }
}
