package io.commandpost.notification.announce;

import static io.commandpost.notification.support.TestEvents.envelope;
import static io.commandpost.notification.support.TestEvents.restRule;
import static io.commandpost.notification.support.TestEvents.teamCreated;
import static io.commandpost.notification.support.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventEnvelope;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.notification.support.Db;
import io.commandpost.notification.support.EventTopics;
import io.commandpost.notification.support.NoAnnouncementChannelProfile;
import io.commandpost.notification.support.NotificationTestResource;
import io.commandpost.notification.support.TestWebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoAnnouncementChannelProfile.class)
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_notification"))
@QuarkusTestResource(NotificationTestResource.class)
class AnnouncementWithoutChannelIT {

    private static final Duration WAIT = Duration.ofSeconds(60); // Kafka consumers on a CI machine at load 40

    @Inject
    AgroalDataSource dataSource;

    @Test
    void withoutAnAnnouncementChannelAnnouncementsAreRecordedAsSkipped() {
        String team = unique("nochannel");
        EventTopics.produce(envelope(teamCreated(team, "alice", "bob"), 1));
        EventEnvelope applied = envelope(restRule(team, "alice", "bob", "REST_AFTER_NIGHT_DUTY"), 1);
        EventTopics.produce(applied);

        await().atMost(WAIT).until(() -> Db.processed(dataSource, "announcements", applied.eventId()));
        given().auth().oauth2(NotificationTestResource.API_KEY).queryParam("team", team).get("/v1/notifications")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("ANNOUNCEMENT"))
                .body("items[0].subjectType", equalTo("rest-rule"))
                .body("items[0].status", equalTo("SKIPPED"))
                .body("items[0].reason", equalTo("no announcement channel configured"))
                .body("items[0].attempts", equalTo(0));
        assertThat(TestWebhookReceiver.get().announcementsContaining("rests today after night duty")
                .stream().filter(a -> a.text().contains("Alice") || a.text().contains("alice"))).isEmpty();
    }
}
