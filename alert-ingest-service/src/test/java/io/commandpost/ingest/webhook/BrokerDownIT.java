package io.commandpost.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.commandpost.infra.JdbcTarget;
import io.commandpost.infra.PostgresInfra;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Restarts Quarkus with a broker address nobody listens on; keep every such case in this one class. */
@QuarkusTest
@TestProfile(BrokerDownIT.UnreachableBroker.class)
class BrokerDownIT {

    @Test
    void webhookAnswers503WithRetryAfterWhenTheBrokerIsUnreachable() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        integration.webhook().contentType("application/json").body(Fixtures.bytes(Fixtures.ZULIP_2_ALERTS))
                .post("/v1/webhooks/alertmanager")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(503));
    }

    @Test
    void questionAnswers503WithRetryAfterWhenTheBrokerIsUnreachable() {
        Api.withApiKey().contentType("application/json").body(Map.of("team", "payments", "text", "anyone?"))
                .post("/v1/questions")
                .then().statusCode(503).header("Retry-After", notNullValue());
    }

    public static class UnreachableBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commandpost.publish.ack-timeout", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseAndClosedPort.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The real database, and a Kafka address on a local port that was free a moment ago (so nothing listens). */
    public static class DatabaseAndClosedPort implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            JdbcTarget target = PostgresInfra.get().createDatabase("commandpost_alert_ingest");
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:" + closedPort(),
                    "quarkus.datasource.jdbc.url", target.url(),
                    "quarkus.datasource.username", target.user(),
                    "quarkus.datasource.password", target.password());
        }

        @Override
        public void stop() {
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
