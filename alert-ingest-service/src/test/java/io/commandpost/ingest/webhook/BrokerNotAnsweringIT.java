package io.commandpost.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.infra.JdbcTarget;
import io.commandpost.infra.PostgresInfra;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A broker that is alive but does not answer (a frozen process, a network black hole): its port accepts
 * connections and never says a word. The intake answers 503 + Retry-After within 5 s (the ack timeout is 4 s), never
 * a 2xx and never a hang past the sender's timeout.
 */
@QuarkusTest
@TestProfile(BrokerNotAnsweringIT.SilentBroker.class)
class BrokerNotAnsweringIT {

    @Test
    void aSilentBrokerIs503WithRetryAfterWithinFiveSeconds() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);

        for (int attempt = 0; attempt < 2; attempt++) {
            long started = System.nanoTime();
            Response response = integration.webhook().contentType("application/json")
                    .body(Fixtures.bytes(Fixtures.FAMEDLY_SINGLE)).post("/v1/webhooks/alertmanager");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(tookMillis).as("attempt %d", attempt).isLessThan(5_000);
        }
    }

    public static class SilentBroker implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseAndBlackHole.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The real database, and a Kafka address whose port accepts connections and never answers. */
    public static class DatabaseAndBlackHole implements QuarkusTestResourceLifecycleManager {

        private ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> start() {
            JdbcTarget target = PostgresInfra.get().createDatabase("commandpost_alert_ingest");
            try {
                server = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept()); // read nothing, answer nothing
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "black-hole-broker");
            acceptor.setDaemon(true);
            acceptor.start();
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:" + server.getLocalPort(),
                    "quarkus.datasource.jdbc.url", target.url(),
                    "quarkus.datasource.username", target.user(),
                    "quarkus.datasource.password", target.password());
        }

        @Override
        public void stop() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // the test is over
            }
        }
    }
}
