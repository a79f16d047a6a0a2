package io.commandpost.platform.http;

import io.commandpost.platform.eventing.EventMetadata;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The event metadata of the current HTTP request: its correlation id, no causing event, and who is calling as
 * the credential says (the actor, and the service key it acts through).
 */
@RequestScoped
public class RequestMetadata {

    private final RoutingContext context;

    RequestMetadata(RoutingContext context) {
        this.context = context;
    }

    public EventMetadata metadata() {
        UUID correlationId = context.get(CorrelationFilter.HEADER);
        UUID correlation = correlationId != null ? correlationId : UUID.randomUUID();
        SecurityIdentity identity = Actors.identityOf(context);
        if (identity == null) {
            return new EventMetadata(correlation, null);
        }
        return new EventMetadata(correlation, null, Actors.handleOf(identity),
                identity.getAttribute(Actors.VIA_ATTRIBUTE));
    }
}
