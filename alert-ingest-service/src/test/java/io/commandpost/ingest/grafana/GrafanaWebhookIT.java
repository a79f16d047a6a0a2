package io.commandpost.ingest.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.commandpost.events.AlertEvent.AlertReceived;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Link;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.commandpost.ingest.support.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class GrafanaWebhookIT {

    private static final String FIXTURE = "grafana/grafana-docs-webhook-firing-2-alerts.json";

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT"})
    void acceptsTheDocumentedPayloadByPostAndPut(String method) {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "grafana", null);

        integration.webhook().contentType("application/json").body(Fixtures.bytes(FIXTURE))
                .request(method, "/v1/webhooks/grafana").then().statusCode(202).body("accepted", equalTo(2));

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::aggregateId)
                .containsExactlyInAnyOrder("c6eadffa33fcdf37", "bc97ff14869b13e3");
        AlertReceived first = events.stream().map(envelope -> (AlertReceived) envelope.event().orElseThrow())
                .filter(alert -> alert.dedupKey().equals("c6eadffa33fcdf37")).findFirst().orElseThrow();
        assertThat(first.source()).isEqualTo("grafana");
        assertThat(first.summary()).isEqualTo("This alert was triggered for zone us-1");
        assertThat(first.links()).extracting(Link::text).containsExactly("Source", "Runbook", "Silence");
        assertThat(first.details()).containsKey("values");
    }

    @Test
    void refusesAnAlertmanagerTokenOnTheGrafanaEndpoint() {
        Api.CreatedIntegration alertmanager = Api.createIntegration("payments", "alertmanager", null);

        alertmanager.webhook().contentType("application/json").body(Fixtures.bytes(FIXTURE))
                .post("/v1/webhooks/grafana").then().statusCode(403);
    }
}
