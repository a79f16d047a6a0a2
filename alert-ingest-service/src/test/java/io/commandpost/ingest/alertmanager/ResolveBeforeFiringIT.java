package io.commandpost.ingest.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.lifecycle.AlertChange;
import io.commandpost.events.lifecycle.AlertLifecycle;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.infra.test.LocalInfraResource;
import io.commandpost.ingest.support.AlertTopic;
import io.commandpost.ingest.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resolve that overtakes its firing (two Alertmanager replicas, a retry): both are recorded, in arrival order,
 * under one key, with the firing's start not after the resolve's end; folded by the shared lifecycle, the late firing
 * is a copy of what was already resolved: nothing opens, nobody is paged.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "commandpost_alert_ingest"))
class ResolveBeforeFiringIT {

    @Test
    void aResolveBeforeItsFiringIsRecordedAndTheFiringKeepsItsStart() {
        Api.CreatedIntegration integration = Api.createIntegration("payments", "alertmanager", null);
        String alert = "{\"status\":\"%s\",\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"db1\"},"
                + "\"startsAt\":\"2026-12-07T10:00:00Z\",\"endsAt\":\"%s\",\"fingerprint\":\"late-firing-1\"}";

        integration.webhook().contentType("application/json").body("{\"status\":\"resolved\",\"alerts\":["
                        + alert.formatted("resolved", "2026-12-07T10:05:00Z") + "]}")
                .post("/v1/webhooks/alertmanager").then().statusCode(202);
        integration.webhook().contentType("application/json").body("{\"status\":\"firing\",\"alerts\":["
                        + alert.formatted("firing", "0001-01-01T00:00:00Z") + "]}")
                .post("/v1/webhooks/alertmanager").then().statusCode(202);

        List<EventEnvelope> events = AlertTopic.eventsOf(integration.id());
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("alert.resolved", "alert.received");
        assertThat(events).extracting(EventEnvelope::aggregateId).containsOnly("late-firing-1");
        Instant endsAt = Instant.parse(events.get(0).data().path("endsAt").asText());
        Instant startsAt = Instant.parse(events.get(1).data().path("startsAt").asText());
        assertThat(startsAt).isEqualTo(Instant.parse("2026-12-07T10:00:00Z")).isBefore(endsAt);

        // the recorded events, folded by the one lifecycle every consumer uses: nothing opens, so nobody is paged
        AlertState state = null;
        List<AlertChange> changes = new ArrayList<>();
        for (EventEnvelope envelope : events) {
            AlertLifecycle.Step step = AlertLifecycle.step(state, (AlertEvent) envelope.event().orElseThrow());
            changes.add(step.change());
            state = step.state();
        }
        assertThat(changes).noneMatch(AlertChange::opens).endsWith(AlertChange.LATE_COPY);
        assertThat(state.isOpen()).isFalse();
    }
}
