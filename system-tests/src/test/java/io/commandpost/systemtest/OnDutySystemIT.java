package io.commandpost.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.launcher.CommandPostSystem;
import io.commandpost.launcher.Service;
import io.commandpost.launcher.SystemOptions;
import io.commandpost.launcher.http.JsonHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who is on duty, one answer everywhere (issue 11, criteria 1 and 7), on the whole system started as the run
 * command starts it. Every service reads "now" from the same offset file ({@code commandpost.clock.offset-file}),
 * so the test moves time for all of them at once: it creates teams, records overrides and leave at chosen
 * instants, jumps a month ahead (rotation catches up the shifts it missed), and compares rotation's
 * {@code GET /v1/teams/{id}/on-call?at=} with the lookup notification-service pages with
 * ({@code GET /v1/teams/{team}/on-duty?at=}) at every shift boundary and hundreds of random instants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnDutySystemIT {

    private static final String PAGE_SECRET = "system-test-page-secret";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** Monday 1 February 2027, 08:30 in Paris: before the 09:00 handoff. */
    private static final Instant START = Instant.parse("2027-02-01T07:30:00Z");
    /** Teams: night duty every day; weekdays only with weekly nights; weekdays only without night duty. */
    private static final String NIGHTS = "nights";
    private static final String WEEKDAYS = "weekdays";
    private static final String OFFICE = "office";
    /** Follow-the-sun: sun hands over to moon. */
    private static final String SUN = "sun";
    private static final String MOON = "moon";
    private static final List<String> TEAMS = List.of(NIGHTS, WEEKDAYS, OFFICE, SUN, MOON);

    private Path clockFile;
    private PageSink pages;
    private CommandPostSystem system;
    private Api api;
    private final List<String> events = new ArrayList<>();
    private final List<Instant> handedOver = new ArrayList<>();

    @BeforeAll
    void startTheWholeSystemAtTheStart() throws IOException {
        Path root = Path.of(System.getProperty("commandpost.project-root", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("commandpost.work-dir", "target/system"));
        Files.createDirectories(work);
        Path base = Files.createTempDirectory(work, "on-duty-");
        clockFile = base.resolve("clock-offset-ms").toAbsolutePath();
        setClock(START);
        pages = PageSink.start(PAGE_SECRET);
        SystemOptions options = SystemOptions.builder(root)
                .baseDir(base.resolve("run"))
                .anyFreePorts()
                .pageWebhookUrl(pages.url())
                .pageWebhookSecret(PAGE_SECRET)
                .serviceJvmArgs(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Dcommandpost.clock.offset-file=" + clockFile,
                        // timers due after a jump of the clock fire within this, not the default 30 s
                        "-Dcommandpost.timers.safety-poll=200ms"))
                .brokerJvmArgs(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .build();
        system = new CommandPostSystem(options, line -> System.out.println("[system] " + line));
        system.start();
        api = new Api(system);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
        if (pages != null) {
            pages.close();
        }
        System.out.println(String.join(System.lineSeparator(), events));
    }

    @Test
    @Order(1)
    void rotationAndThePersonPagedAgreeOverAMonth() {
        api.createTeam(NIGHTS, "ann", "ben", "cho", "dan");
        api.put(Service.ROTATION, "/v1/teams/" + NIGHTS + "/night-duty",
                Map.of("rotation", List.of("ann", "ben", "cho"), "shiftLength", "DAILY"));
        api.createTeam(WEEKDAYS, "eve", "fay", "gus");
        api.put(Service.ROTATION, "/v1/teams/" + WEEKDAYS + "/mro-rotation",
                Map.of("rotation", List.of("eve", "fay", "gus"), "coverage", "WEEKDAYS"));
        api.put(Service.ROTATION, "/v1/teams/" + WEEKDAYS + "/night-duty",
                Map.of("rotation", List.of("fay", "gus"), "shiftLength", "WEEKLY"));
        api.createTeam(OFFICE, "hal", "ivy");
        api.put(Service.ROTATION, "/v1/teams/" + OFFICE + "/mro-rotation",
                Map.of("rotation", List.of("hal", "ivy"), "coverage", "WEEKDAYS"));
        api.createTeam(MOON, "lou", "max");
        api.createTeam(SUN, "jan", "kim");
        api.put(Service.ROTATION, "/v1/teams/" + SUN + "/partner", Map.of("partnerTeamId", MOON));

        // overrides that start and end mid-shift, of either kind or both, recorded ahead
        replaceWhoeverIsOnDuty(NIGHTS, "MRO_DAY", List.of("dan", "ann"), Instant.parse("2027-02-03T13:17:00Z"),
                Instant.parse("2027-02-04T02:41:00Z"));
        replaceWhoeverIsOnDuty(NIGHTS, "NIGHT_DUTY", List.of("dan", "ben"), Instant.parse("2027-02-10T22:05:00Z"),
                Instant.parse("2027-02-11T03:50:00Z"));
        replaceWhoeverIsOnDuty(NIGHTS, "MRO_DAY", List.of("ann", "ben"), Instant.parse("2027-02-16T11:45:00Z"),
                Instant.parse("2027-02-16T15:10:00Z"));
        replaceWhoeverIsOnDuty(WEEKDAYS, "NIGHT_DUTY", List.of("eve", "fay"), Instant.parse("2027-02-06T11:11:00Z"),
                Instant.parse("2027-02-07T10:00:00Z"));
        replaceWhoeverIsOnDuty(OFFICE, "MRO_DAY", List.of("ivy", "hal"),
                Instant.parse("2027-02-16T20:00:00Z"),
                Instant.parse("2027-02-17T07:30:00Z"));
        // "add only": a second person on duty beside whoever is, for part of a night; both are paged
        addBesideWhoeverIsOnDuty(NIGHTS, "NIGHT_DUTY", List.of("cho", "dan"), Instant.parse("2027-02-18T21:20:00Z"),
                Instant.parse("2027-02-19T01:40:00Z"));

        // Friday 5 February, 11:30 in Paris: leave recorded the same day, for today's MRO (from now) and for
        // tonight's night duty (the whole day: today's shifts already started keep their person)
        moveClockTo(Instant.parse("2027-02-05T10:30:00Z"));
        String mroToday = onDutyByRotation(NIGHTS, now());
        String nightTonight = rotation(NIGHTS, Instant.parse("2027-02-05T20:00:00Z")).path("night").path("member").asText();
        api.post(Service.ROTATION, "/v1/teams/" + NIGHTS + "/leave",
                Map.of("member", mroToday, "from", now().toString(), "to", "2027-02-07", "reason", "sick"));
        if (!nightTonight.equals(mroToday)) { // the MRO's leave already covers tonight
            api.post(Service.ROTATION, "/v1/teams/" + NIGHTS + "/leave",
                    Map.of("member", nightTonight, "from", "2027-02-05", "to", "2027-02-06", "reason", "sick"));
        }
        events.add("leave recorded 2027-02-05 10:30Z for " + mroToday + " (MRO) and " + nightTonight + " (night)");
        String weekdayMro = onDutyByRotation(WEEKDAYS, now());
        api.post(Service.ROTATION, "/v1/teams/" + WEEKDAYS + "/leave",
                Map.of("member", weekdayMro, "from", now().plus(2, ChronoUnit.HOURS).toString(), "to", "2027-02-09",
                        "reason", "dentist"));

        // handovers the same morning: office's MRO to the next MRO of the team, sun's MRO to moon (follow-the-sun)
        for (String team : List.of(OFFICE, SUN)) {
            String from = onDutyByRotation(team, now());
            JsonHttp.Response handover = api.postAs(from, Service.ROTATION, "/v1/teams/" + team + "/handovers",
                    Map.of("notes", "over to you"));
            events.add("handover of " + team + " at " + now() + " from " + from + ": " + handover.text());
            handedOver.add(Instant.parse(handover.body().path("handedOverAt").asText()));
        }

        moveClockTo(Instant.parse("2027-02-12T12:00:00Z"));
        // the last day of the month compared: every shift up to it has started and been projected
        moveClockTo(Instant.parse("2027-03-03T12:00:00Z"));

        List<Instant> instants = instantsToCompare(Instant.parse("2027-02-02T00:00:00Z"), now(), handedOver);
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> compared = new HashMap<>();
        for (String team : TEAMS) {
            for (Instant at : instants) {
                JsonNode rotation = rotation(team, at);
                List<String> members = new ArrayList<>();
                rotation.path("onDuty").path("members").forEach(member -> members.add(member.asText()));
                List<String> paged = everyonePaged(team, at);
                compared.merge(team, 1, Integer::sum);
                boolean agree = members.equals(paged);
                if (!agree) {
                    disagreements.add(team + " at " + at + ": rotation " + members + " ("
                            + rotation.path("onDuty").path("kind").asText() + "), notification pages " + paged);
                }
            }
        }
        events.add("compared " + compared + " instants");
        assertThat(disagreements).as("instants where rotation and the page disagree").isEmpty();
    }

    /**
     * Criterion 7 end to end: a real alert at night pages whoever is on night duty at that minute (here someone an
     * override put on the night after it started, so rule 1, resting the night's starting person, does not cover
     * them), notification-service delivers the page, and rotation rests the person paged the next day.
     */
    @Test
    @Order(2)
    void aNightPageRestsThePersonPagedTheNextDay() {
        Instant day = now().truncatedTo(ChronoUnit.DAYS);
        String paged = null;
        Instant pageAt = null;
        Instant nextNoon = null;
        for (int d = 0; d < 7 && paged == null; d++) {
            JsonNode night = rotation(NIGHTS, day.plus(d, ChronoUnit.DAYS).plus(20, ChronoUnit.HOURS)).path("night");
            Instant noon = day.plus(d + 1L, ChronoUnit.DAYS).plus(11, ChronoUnit.HOURS);
            String nextMro = rotation(NIGHTS, noon).path("mro").path("member").asText();
            if (night.path("started").asBoolean() || night.path("member").asText().equals(nextMro)) {
                continue;
            }
            Instant start = Instant.parse(night.path("startsAt").asText());
            // tomorrow's MRO takes over the night from two hours after it started
            api.post(Service.ROTATION, "/v1/teams/" + NIGHTS + "/overrides", Map.of("kind", "NIGHT_DUTY",
                    "addMember", nextMro, "removeMember", night.path("member").asText(),
                    "start", start.plus(2, ChronoUnit.HOURS).toString(), "end", night.path("endsAt").asText(),
                    "recordedBy", "system-test"));
            assertThat(rotation(NIGHTS, noon).path("mro").path("member").asText())
                    .as("the override alone does not move tomorrow's MRO").isEqualTo(nextMro);
            paged = nextMro;
            pageAt = start.plus(3, ChronoUnit.HOURS);
            nextNoon = noon;
        }
        assertThat(paged).as("a night whose person is not the next day's MRO within a week").isNotNull();

        moveClockTo(pageAt);
        String who = paged;
        assertThat(onDutyByRotation(NIGHTS, now())).isEqualTo(who);
        String token = api.createAlertmanagerIntegration(NIGHTS);
        JsonHttp.Response accepted = api.postAlertmanager(token,
                Alertmanager.firing("night-1", "PaymentsDown", "critical", "Payments are down at night", now()));
        assertThat(accepted.status()).as("POST webhook: %s", accepted.text()).isEqualTo(202);

        PageSink.Page page = await("the night page").atMost(EVENTUALLY)
                .until(() -> pages.pagesFor(NIGHTS), received -> !received.isEmpty()).get(0);
        assertThat(page.body().path("recipient").path("handle").asText()).isEqualTo(who);

        Instant noon = nextNoon;
        JsonNode next = await("rotation rests " + who + " the next day").atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500)).until(() -> rotation(NIGHTS, noon),
                        plan -> plan.path("skips").findValuesAsText("reason").contains("REST_AFTER_NIGHT_PAGE"));
        assertThat(next.path("mro").path("member").asText()).isNotEqualTo(who);
        assertThat(next.path("skips")).anySatisfy(skip -> {
            assertThat(skip.path("skipped").asText()).isEqualTo(who);
            assertThat(skip.path("reason").asText()).isEqualTo("REST_AFTER_NIGHT_PAGE");
        });
        events.add("night page at " + pageAt + " to " + who + "; the next day: " + next.path("mro").path("reason"));
    }

    // ---- the clock and the two answers

    private Instant now() {
        return Instant.now().plusMillis(offset);
    }

    private volatile long offset;

    private void setClock(Instant at) {
        offset = Duration.between(Instant.now(), at).toMillis();
        try {
            Path next = clockFile.resolveSibling("clock-offset-ms.next");
            Files.writeString(next, Long.toString(offset));
            Files.move(next, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves every service's clock, then waits until rotation started the shifts due and paging knows them. */
    private void moveClockTo(Instant at) {
        setClock(at);
        for (String team : TEAMS) {
            await(team + " catches up to " + at).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonNode rotation = rotation(team, now());
                        String kind = rotation.path("onDuty").path("kind").asText();
                        JsonNode current = rotation.path("NIGHT_DUTY".equals(kind) ? "night" : "mro");
                        assertThat(current.path("started").asBoolean()).as("%s: current shift started: %s", team,
                                rotation).isTrue();
                        Instant latest = Instant.parse(current.path("startsAt").asText());
                        assertThat(paged(team, latest.plusSeconds(1))).as("%s: paged at the latest start", team)
                                .isEqualTo(onDutyByRotation(team, latest.plusSeconds(1)));
                    });
        }
        events.add("clock at " + at + ": caught up");
    }

    private JsonNode rotation(String team, Instant at) {
        JsonHttp.Response response = api.get(Service.ROTATION, "/v1/teams/" + team + "/on-call?at=" + at);
        assertThat(response.status()).as("GET on-call of %s at %s: %s", team, at, response.text()).isEqualTo(200);
        return response.body();
    }

    private String onDutyByRotation(String team, Instant at) {
        JsonNode members = rotation(team, at).path("onDuty").path("members");
        return members.size() == 0 ? null : members.get(0).asText();
    }

    /** Everyone notification-service pages for the team at {@code at}, in its order (the shift's person first). */
    private List<String> everyonePaged(String team, Instant at) {
        JsonHttp.Response response = api.get(Service.NOTIFICATION, "/v1/teams/" + team + "/on-duty?at=" + at);
        assertThat(response.status()).as("GET on-duty of %s at %s: %s", team, at, response.text()).isEqualTo(200);
        List<String> handles = new ArrayList<>();
        response.body().path("members").forEach(member -> handles.add(member.path("handle").asText()));
        return handles;
    }

    /** Whom notification-service pages first for the team at {@code at}. */
    private String paged(String team, Instant at) {
        JsonHttp.Response response = api.get(Service.NOTIFICATION, "/v1/teams/" + team + "/on-duty?at=" + at);
        assertThat(response.status()).as("GET on-duty of %s at %s: %s", team, at, response.text()).isEqualTo(200);
        JsonNode handle = response.body().path("onDuty").path("handle");
        return handle.isTextual() ? handle.asText() : null;
    }

    /** Replaces whoever the plan has on duty at {@code start} by the first of {@code candidates} who is not. */
    private void replaceWhoeverIsOnDuty(String team, String kind, List<String> candidates, Instant start, Instant end) {
        String onDuty = onDutyByRotation(team, start.plusSeconds(1));
        assertThat(onDuty).as("%s at %s", team, start).isNotNull();
        String by = candidates.stream().filter(candidate -> !candidate.equals(onDuty)).findFirst().orElseThrow();
        api.post(Service.ROTATION, "/v1/teams/" + team + "/overrides", Map.of("kind", kind, "addMember", by,
                "removeMember", onDuty, "start", start.toString(), "end", end.toString(), "recordedBy", "system-test"));
        events.add("override " + team + " " + kind + " " + start + "–" + end + ": " + by + " replaces " + onDuty);
    }

    /** Adds the first of {@code candidates} who is not on duty at {@code start} beside whoever is (no one removed). */
    private void addBesideWhoeverIsOnDuty(String team, String kind, List<String> candidates, Instant start,
                                          Instant end) {
        String onDuty = onDutyByRotation(team, start.plusSeconds(1));
        assertThat(onDuty).as("%s at %s", team, start).isNotNull();
        String added = candidates.stream().filter(candidate -> !candidate.equals(onDuty)).findFirst().orElseThrow();
        api.post(Service.ROTATION, "/v1/teams/" + team + "/overrides", Map.of("kind", kind, "addMember", added,
                "start", start.toString(), "end", end.toString(), "recordedBy", "system-test"));
        events.add("override " + team + " " + kind + " " + start + "–" + end + ": " + added + " added beside " + onDuty);
    }

    /**
     * Around each handover, each second around every local hour the shifts of these teams change at (handoff
     * 09:00, workday end 18:00 in Paris), the override and leave bounds, and 300 random instants (fixed seed)
     * between {@code from} and {@code to}.
     */
    private static List<Instant> instantsToCompare(Instant from, Instant to, List<Instant> handovers) {
        TreeSet<Instant> instants = new TreeSet<>();
        for (Instant handover : handovers) {
            instants.add(handover.minusMillis(1));
            instants.add(handover);
            instants.add(handover.plusSeconds(1));
        }
        for (Instant day = from.truncatedTo(ChronoUnit.DAYS); day.isBefore(to); day = day.plus(1, ChronoUnit.DAYS)) {
            for (int hourUtc : new int[] {8, 17}) {
                Instant boundary = day.plus(hourUtc, ChronoUnit.HOURS);
                instants.add(boundary.minusSeconds(1));
                instants.add(boundary);
                instants.add(boundary.plusSeconds(1));
            }
        }
        for (String bound : List.of("2027-02-03T13:17:00Z", "2027-02-04T02:41:00Z", "2027-02-10T22:05:00Z",
                "2027-02-11T03:50:00Z", "2027-02-16T11:45:00Z", "2027-02-16T15:10:00Z", "2027-02-06T11:11:00Z",
                "2027-02-07T10:00:00Z", "2027-02-16T20:00:00Z", "2027-02-17T07:30:00Z", "2027-02-05T10:30:00Z",
                "2027-02-05T12:30:00Z", "2027-02-18T21:20:00Z", "2027-02-19T01:40:00Z")) {
            Instant at = Instant.parse(bound);
            instants.add(at.minusSeconds(1));
            instants.add(at);
            instants.add(at.plusSeconds(1));
        }
        Random random = new Random(11);
        long span = to.toEpochMilli() - from.toEpochMilli();
        for (int i = 0; i < 300; i++) {
            instants.add(Instant.ofEpochMilli(from.toEpochMilli() + (long) (random.nextDouble() * span)));
        }
        return instants.stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).toList();
    }
}
