package io.commandpost.ingest.generic.api;

import jakarta.annotation.security.PermitAll;
import io.commandpost.ingest.generic.GenericMapper;
import io.commandpost.ingest.mapping.GenericMapping;
import io.commandpost.ingest.generic.GenericMappings;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.CurrentIntegration;
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

/** Any tool that can post JSON (Datadog, New Relic, Zabbix, Sentry, scripts), read through the integration's mapping. */
@Path("/v1/webhooks/generic")
@IntegrationWebhook(IntegrationType.GENERIC)
@RecordedDelivery
@PermitAll // checks its own per-integration credentials (ADR 0023)
public class GenericWebhookResource {

    private final WebhookIntake intake;
    private final CurrentIntegration current;
    private final GenericMappings mappings;

    GenericWebhookResource(WebhookIntake intake, CurrentIntegration current, GenericMappings mappings) {
        this.intake = intake;
        this.current = current;
        this.mappings = mappings;
    }

    /** On the event loop, answered from the broker's acknowledgement ({@link WebhookIntake#acceptAsync}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(byte[] body, @Context HttpHeaders headers) {
        GenericMapping mapping = mappings.of(current.get());
        return intake.acceptAsync(mapping.source(), headers.getMediaType(), body,
                (tree, context) -> GenericMapper.map(tree, context, mapping));
    }
}
