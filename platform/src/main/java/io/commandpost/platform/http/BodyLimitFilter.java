package io.commandpost.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an announced oversized body (Content-Length) with a 413 problem before a byte of it is
 * read. Chunked bodies have no length up front: Quarkus counts them while streaming against the
 * same {@code quarkus.http.limits.max-body-size} and answers 413 itself.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Before the platform's API key filter (1000) and Quarkus' own upload limit route. */
    static final int PRIORITY = 2000;

    private final long maxBytes;

    BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            HttpProblems.send(context, 413, "Content Too Large",
                    "the body is larger than the limit of " + maxBytes + " bytes", "Connection", "close");
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
