package io.commandpost.platform.http;

import io.commandpost.platform.eventing.EventMetadata;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The event metadata of the current HTTP request: its correlation id, no causing event. */
@RequestScoped
public class RequestMetadata {

    private final RoutingContext context;

    RequestMetadata(RoutingContext context) {
        this.context = context;
    }

    public EventMetadata metadata() {
        UUID correlationId = context.get(CorrelationFilter.HEADER);
        return new EventMetadata(correlationId != null ? correlationId : UUID.randomUUID(), null);
    }
}
