package io.commandpost.platform.http;

import io.netty.handler.codec.http2.Http2Error;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit ({@code quarkus.http.limits.max-body-size}) as a 413 problem, however the body comes.
 * <ul>
 * <li>An announced oversized body (Content-Length) is refused before a byte of it is read.</li>
 * <li>A body without a length (chunked, or expanded from gzip/deflate, which drops the length) is counted while it
 * streams by {@link StreamedBodyLimit}, which answers the 413 problem as soon as the count passes the limit. Quarkus'
 * own count of such bodies (its {@code VertxInputStream}) would end the response with a bare 413 before any mapper
 * runs, so this filter takes that job from it, and closes the connection after any 413: the rest of the body is
 * never read.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Before the platform's API key filter (1000) and Quarkus' own upload limit route. */
    static final int PRIORITY = 2000;

    /**
     * Right after Quarkus' limit route (order -2, filters run at order -priority), which hands a body without a
     * length its limit under {@link #QUARKUS_LIMIT_KEY}.
     */
    static final int STREAMED_PRIORITY = 1;

    /** Where Quarkus' limit route leaves the limit for its {@code VertxInputStream} (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";

    private final long maxBytes;

    BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
        filters.register(this::streamed, STREAMED_PRIORITY);
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

    /**
     * A body without a length is counted by {@link StreamedBodyLimit}, not by Quarkus; any 413 closes the connection,
     * or on HTTP/2 resets the request's stream (the connection's other streams go on).
     */
    void streamed(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            context.remove(QUARKUS_LIMIT_KEY);
            context.addEndHandler(done -> {
                if (context.response().getStatusCode() != 413) {
                    return;
                }
                if (context.request().version() == HttpVersion.HTTP_2) {
                    // only this stream: RST_STREAM NO_ERROR tells the client to stop sending (RFC 9113 §8.1)
                    context.response().reset(Http2Error.NO_ERROR.code());
                } else {
                    context.request().connection().close();
                }
            });
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
