package io.commandpost.ingest.grafana.api;

import io.commandpost.ingest.grafana.GrafanaMapper;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.LeanWebhooks;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Grafana's webhook contact point on the lean route ({@link LeanWebhooks}); {@link GrafanaWebhookResource} serves the rest. */
@ApplicationScoped
class GrafanaRoute {

    private static final LeanWebhooks.Reader READER = new LeanWebhooks.Reader(GrafanaMapper.SOURCE, GrafanaMapper::map);

    void route(@Observes Router router, LeanWebhooks webhooks) {
        webhooks.route(router, "/v1/webhooks/grafana", IntegrationType.GRAFANA, integration -> READER,
                HttpMethod.POST, HttpMethod.PUT);
    }
}
