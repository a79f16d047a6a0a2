package io.commandpost.ingest.generic.api;

import io.commandpost.ingest.generic.GenericMapper;
import io.commandpost.ingest.generic.GenericMappings;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.mapping.GenericMapping;
import io.commandpost.ingest.webhook.LeanWebhooks;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The generic webhook on the lean route ({@link LeanWebhooks}), read through the integration's mapping. */
@ApplicationScoped
class GenericRoute {

    void route(@Observes Router router, LeanWebhooks webhooks, GenericMappings mappings) {
        webhooks.route(router, "/v1/webhooks/generic", IntegrationType.GENERIC, integration -> {
            GenericMapping mapping = mappings.of(integration);
            return new LeanWebhooks.Reader(mapping.source(), (tree, context) -> GenericMapper.map(tree, context, mapping));
        }, HttpMethod.POST);
    }
}
