package io.commandpost.ingest.grafana.api;

import jakarta.annotation.security.PermitAll;
import io.commandpost.ingest.grafana.GrafanaMapper;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.IntegrationWebhook;
import io.commandpost.ingest.webhook.RecordedDelivery;
import io.commandpost.ingest.webhook.WebhookIntake;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Grafana's webhook contact point, which can be set to POST or PUT. */
@Path("/v1/webhooks/grafana")
@IntegrationWebhook(IntegrationType.GRAFANA)
@RecordedDelivery
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // checks its own per-integration credentials (ADR 0023)
public class GrafanaWebhookResource {

    private final WebhookIntake intake;

    GrafanaWebhookResource(WebhookIntake intake) {
        this.intake = intake;
    }

    /** On the event loop, answered from the broker's acknowledgement ({@link WebhookIntake#acceptAsync}). */
    @POST
    public Uni<Response> post(byte[] body, @Context HttpHeaders headers) {
        return intake.acceptAsync(GrafanaMapper.SOURCE, headers.getMediaType(), body, GrafanaMapper::map);
    }

    @PUT
    public Uni<Response> put(byte[] body, @Context HttpHeaders headers) {
        return post(body, headers);
    }
}
