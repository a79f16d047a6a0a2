package io.commandpost.ingest.webhook;

import io.commandpost.ingest.integration.RecentDeliveries;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.Map;

/**
 * Keeps every answer to an integration's webhook call in {@link RecentDeliveries}: accepted or refused, with the
 * status, the refusal's reason and the request id. Calls whose token was refused belong to no integration and are
 * not kept (the 401 says nothing about which tokens exist). Bound to {@link RecordedDelivery}.
 */
@Provider
@RecordedDelivery
@Priority(Priorities.USER)
public class DeliveryRecorder implements ContainerResponseFilter {

    private final CurrentIntegration current;
    private final RecentDeliveries deliveries;
    private final RoutingContext routing;
    private final Clock clock;

    DeliveryRecorder(CurrentIntegration current, RecentDeliveries deliveries, RoutingContext routing, Clock clock) {
        this.current = current;
        this.deliveries = deliveries;
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        current.find().ifPresent(integration -> {
            int status = response.getStatus();
            boolean accepted = status >= 200 && status < 300;
            Integer count = null;
            String reason = null;
            Object entity = response.getEntity();
            if (entity instanceof Problem problem) {
                reason = problem.detail() != null ? problem.detail() : problem.title();
            } else if (entity instanceof Map<?, ?> answer) {
                if (answer.get("accepted") instanceof Number number) {
                    count = number.intValue();
                }
                if (!accepted && answer.get("message") != null) {
                    // the PagerDuty and Opsgenie drop-ins answer refusals in those tools' own shapes
                    reason = answer.get("message") + (answer.get("errors") == null ? "" : ": " + answer.get("errors"));
                }
            }
            if (!accepted && reason == null) {
                reason = "HTTP " + status;
            }
            deliveries.record(integration.id(), new RecentDeliveries.Delivery(clock.instant(),
                    "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), status,
                    accepted ? "accepted" : "refused", count, reason, RequestIds.of(routing)));
        });
    }
}
