package io.commandpost.ingest.alertmanager.api;

import io.commandpost.ingest.alertmanager.AlertmanagerMapper;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.webhook.LeanWebhooks;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The Alertmanager webhook on the lean route ({@link LeanWebhooks}); {@link AlertmanagerWebhookResource} serves the rest. */
@ApplicationScoped
class AlertmanagerRoute {

    private static final LeanWebhooks.Reader READER =
            new LeanWebhooks.Reader(AlertmanagerMapper.SOURCE, AlertmanagerMapper::map);

    void route(@Observes Router router, LeanWebhooks webhooks) {
        webhooks.route(router, "/v1/webhooks/alertmanager", IntegrationType.ALERTMANAGER, integration -> READER,
                HttpMethod.POST);
    }
}
