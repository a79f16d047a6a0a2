package io.commandpost.ingest.heartbeat.api;

import jakarta.annotation.security.PermitAll;
import io.commandpost.ingest.heartbeat.Heartbeats;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.CurrentIntegration;
import io.commandpost.ingest.webhook.IntegrationWebhook;
import io.commandpost.ingest.webhook.RecordedDelivery;
import io.commandpost.platform.http.RequestMetadata;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Pings of a dead-man's switch. Any body and content type is accepted and ignored, so Alertmanager can
 * route its always-firing "Watchdog" alert here through a plain webhook receiver.
 */
@Path("/v1/webhooks/heartbeat")
@IntegrationWebhook(IntegrationType.HEARTBEAT)
@RecordedDelivery
@PermitAll // checks its own per-integration credentials (ADR 0023)
public class HeartbeatResource {

    private final Heartbeats heartbeats;
    private final CurrentIntegration current;
    private final RequestMetadata request;

    HeartbeatResource(Heartbeats heartbeats, CurrentIntegration current, RequestMetadata request) {
        this.heartbeats = heartbeats;
        this.current = current;
        this.request = request;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response ping(byte[] ignored) {
        return Response.accepted(Map.of("status", "ok",
                "nextPingDueBy", heartbeats.ping(current.get(), request.metadata()).toString())).build();
    }
}
