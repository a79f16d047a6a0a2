package io.commandpost.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is a UUID),
 * echoes it on the response and puts it in the log context.
 */
@ApplicationScoped
public class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            UUID correlationId = parse(context.request().getHeader(HEADER));
            context.put(HEADER, correlationId);
            context.response().putHeader(HEADER, correlationId.toString());
            MDC.put("correlationId", correlationId.toString());
            context.addEndHandler(done -> MDC.remove("correlationId"));
            context.next();
        }, ApiKeyFilter.PRIORITY + 10);
    }

    static UUID parse(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header.trim());
            } catch (IllegalArgumentException ignored) {
                // not ours to trust: start a fresh one
            }
        }
        return UUID.randomUUID();
    }
}
