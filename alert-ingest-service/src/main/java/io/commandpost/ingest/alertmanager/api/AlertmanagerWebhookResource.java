package io.commandpost.ingest.alertmanager.api;

import jakarta.annotation.security.PermitAll;
import io.commandpost.ingest.alertmanager.AlertmanagerMapper;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.IntegrationWebhook;
import io.commandpost.ingest.webhook.RecordedDelivery;
import io.commandpost.ingest.webhook.WebhookIntake;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Prometheus Alertmanager's webhook receiver ({@code webhook_configs}, payload version 4). */
@Path("/v1/webhooks/alertmanager")
@IntegrationWebhook(IntegrationType.ALERTMANAGER)
@RecordedDelivery
@PermitAll // checks its own per-integration credentials (ADR 0023)
public class AlertmanagerWebhookResource {

    private final WebhookIntake intake;

    AlertmanagerWebhookResource(WebhookIntake intake) {
        this.intake = intake;
    }

    /**
     * The body arrives as bytes: it is parsed only after the token filter let the request through. Runs on
     * the event loop and answers from the broker's acknowledgement ({@link WebhookIntake#acceptAsync}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(byte[] body, @Context HttpHeaders headers) {
        return intake.acceptAsync(AlertmanagerMapper.SOURCE, headers.getMediaType(), body, AlertmanagerMapper::map);
    }
}
