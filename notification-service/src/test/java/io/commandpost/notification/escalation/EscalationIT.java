package io.commandpost.notification.escalation;

import static io.commandpost.notification.support.TestEvents.T0;
import static io.commandpost.notification.support.TestEvents.alert;
import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.mroShift;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.PagingEvent;
import io.commandpost.events.TeamEvent;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.infra.test.TestTokens;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestClock;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.timer.TimerWorker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Escalation end to end: real broker and database, the platform's durable timers, the signed webhook. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class EscalationIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40
    private static final String POLICY = """
            {"steps":[{"delayMinutes":5,"targets":["on-duty"]},{"delayMinutes":5,"targets":["member:bob"]}],
             "repeat":0,"ackTimeoutMinutes":30,"floodWindowSeconds":0}""";

    @Inject
    TestClock clock;

    @Inject
    TimerWorker timers;

    @Inject
    CommandHandler handler;

    @Inject
    PagingAggregate paging;

    @Inject
    OnCallDirectory onCall;

    private final TestWebhookReceiver receiver = TestWebhookReceiver.get();

    @Test
    void givenNobodyAcknowledges_whenTheStepDelayPassesAndTwoWorkersRace_thenTheNextStepPagesBobOnce() throws Exception {
        String team = teamWithPolicy();
        EventTopics.produce(envelope(alert(team, "disk-full"), 0));
        await().atMost(WAIT).until(() -> handles(team).equals(List.of("alice")));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        CyclicBarrier start = new CyclicBarrier(2);
        // two threads of their own: the common pool may have one thread, or be busy, and the barrier needs both
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        int fired;
        try {
            List<CompletableFuture<Integer>> workers = List.of(CompletableFuture.supplyAsync(() -> fireAfter(start), replicas),
                    CompletableFuture.supplyAsync(() -> fireAfter(start), replicas));
            fired = workers.get(0).get(60, TimeUnit.SECONDS) + workers.get(1).get(60, TimeUnit.SECONDS);
        } finally {
            replicas.shutdownNow();
        }

        await().atMost(WAIT).until(() -> handles(team).equals(List.of("alice", "bob")));
        assertThat(fired).isGreaterThanOrEqualTo(1);
        var state = handler.load(paging, PagingEvent.streamId(team, "disk-full"));
        assertThat(state.state().step()).isEqualTo(1);
        assertThat(timers.fireDue()).isZero(); // nothing is due twice
        assertThat(handles(team)).containsExactly("alice", "bob");
    }

    @Test
    void givenAliceAcknowledged_whenTheStepDelayPasses_thenNobodyElseIsPaged() {
        String team = teamWithPolicy();
        EventTopics.produce(envelope(alert(team, "cpu"), 0));
        await().atMost(WAIT).until(() -> handles(team).equals(List.of("alice")));
        given().auth().oauth2(TestTokens.person("alice", "responder"))
                .post("/v1/teams/{team}/alerts/{key}/acknowledge", team, "cpu").then().statusCode(202);
        await().atMost(WAIT).until(() -> handler.load(paging, PagingEvent.streamId(team, "cpu")).state().phase()
                == Escalation.Phase.ACKNOWLEDGED);

        clock.advance(Duration.ofMinutes(6));
        timers.fireDue();

        assertThat(handler.load(paging, PagingEvent.streamId(team, "cpu")).state().phase())
                .isEqualTo(Escalation.Phase.ACKNOWLEDGED);
        assertThat(handles(team)).containsExactly("alice");
    }

    @Test
    void givenThePageToAliceFailsForGood_thenBobIsPagedAtOnceWithoutWaitingForTheDelay() {
        String team = teamWithPolicy();
        receiver.answer(team, 400); // any 4xx but 408/425/429 gives the page up at once
        EventTopics.produce(envelope(alert(team, "queue-stuck"), 0));

        await().atMost(WAIT).until(() -> handles(team).equals(List.of("alice", "bob")));
        var state = handler.load(paging, PagingEvent.streamId(team, "queue-stuck")).state();
        assertThat(state.step()).isEqualTo(1);
    }

    @Test
    void givenAPartnerTeam_whenSomeoneEscalatesNow_thenThePartnersOnDutyPersonIsPagedAtOnce() {
        String team = unique("sun");
        String partner = unique("apac");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json").body("""
                {"steps":[{"delayMinutes":30,"targets":["on-duty"]},{"delayMinutes":30,"targets":["partner-on-duty"]}],
                 "repeat":0}""").put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(partner, "kenji"), 1));
        EventTopics.produce(envelope(mroShift(partner, "kenji", T0), 2));
        EventTopics.produce(envelope(teamCreated(team, "alice"), 1));
        EventTopics.produce(envelope(new TeamEvent.PartnerTeamSet(team, partner, T0), 2));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 3));
        await().atMost(WAIT).until(() -> onCall.partnerTeam(team).equals(Optional.of(partner))
                && onCall.currentMro(partner).isPresent());
        EventTopics.produce(envelope(alert(team, "checkout-5xx"), 0));
        await().atMost(WAIT).until(() -> handles(team).equals(List.of("alice")));

        given().auth().oauth2(TestTokens.person("alice", "responder"))
                .post("/v1/teams/{team}/alerts/{key}/escalate", team, "checkout-5xx").then().statusCode(202);

        await().atMost(WAIT).until(() -> handles(team).equals(List.of("alice", "kenji")));
    }

    @Test
    void aTeamFollowsTheDefaultPolicyUntilItSetsOneAndABrokenPolicyIsRefusedWithProblemJson() {
        String team = unique("policy");
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/teams/{team}/paging-policy", team)
                .then().statusCode(200).body("isDefault", equalTo(true))
                .body("policy.steps[0].targets[0]", equalTo("on-duty"))
                .body("policy.floodWindowSeconds", equalTo(60));
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json")
                .body("{\"steps\":[{\"delayMinutes\":5,\"targets\":[\"the-boss\"]}],\"repeat\":0}")
                .put("/v1/teams/{team}/paging-policy", team)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json").body(POLICY)
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        given().auth().oauth2(NotificationTestResource.API_KEY).get("/v1/teams/{team}/paging-policy", team)
                .then().statusCode(200).body("isDefault", equalTo(false))
                .body("policy.steps[1].targets[0]", equalTo("member:bob"));
    }

    private int fireAfter(CyclicBarrier start) {
        try {
            start.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return timers.fireDue();
    }

    private String teamWithPolicy() {
        String team = unique("esc");
        given().auth().oauth2(NotificationTestResource.API_KEY).contentType("application/json").body(POLICY)
                .put("/v1/teams/{team}/paging-policy", team).then().statusCode(200);
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventTopics.produce(envelope(mroShift(team, "alice", T0), 1));
        await().atMost(WAIT).until(() -> onCall.currentMro(team).map(Recipient::handle).equals(Optional.of("alice")));
        return team;
    }

    private List<String> handles(String team) {
        return receiver.pagesFor(team).stream().map(p -> p.json().path("recipient").path("handle").asText()).toList();
    }
}
