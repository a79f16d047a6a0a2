package io.commandpost.platform.audit;

import io.commandpost.events.AlertEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.Outbox;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;

/**
 * A person's act that belongs to no stream of the store (as notification-service's alert acts): published through
 * the outbox with version 0; and the same fact announced by the system (no actor).
 */
@Path("/test/acts/{team}")
@Blocking
public class ActionProbeResource {

    private final Outbox outbox;
    private final RequestMetadata request;

    ActionProbeResource(Outbox outbox, RequestMetadata request) {
        this.outbox = outbox;
        this.request = request;
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    public void act(@PathParam("team") String team) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(List.of(new AlertEvent.AlertAcknowledgedBy(team,
                "fp-1", request.metadata().actor(), "api", Instant.now())), request.metadata()));
    }

    @POST
    @Path("/system")
    @RolesAllowed(Roles.RESPONDER)
    public void system(@PathParam("team") String team) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(List.of(new AlertEvent.AlertResolvedBy(team,
                "fp-1", "timer", "api", Instant.now())), EventMetadata.fresh()));
    }
}
