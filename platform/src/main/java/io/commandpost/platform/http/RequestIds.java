package io.commandpost.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Gives every request an id before anything can refuse it: the caller's {@code X-Request-Id} when it is a
 * UUID (a proxy's), else a fresh one. It is echoed in the {@code X-Request-Id} header, put in the log
 * context ({@code requestId}) and carried by every problem of that request ({@code instance} and
 * {@code requestId}), so a sender's report of a refusal leads to the log line.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Before every other platform filter: the body limit (2000) and API keys (1000) refuse with it. */
    static final int PRIORITY = 3000;

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, PRIORITY);
    }

    static void assign(RoutingContext context) {
        String id = parse(context.request().getHeader(HEADER));
        context.put(HEADER, id);
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        context.addEndHandler(done -> MDC.remove(MDC_KEY));
        context.next();
    }

    /** The id of the request being handled on this route, or null outside one. */
    public static String of(RoutingContext context) {
        return context == null ? null : context.get(HEADER);
    }

    static String parse(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header.trim()).toString();
            } catch (IllegalArgumentException ignored) {
                // not a UUID: not ours to repeat in a URN
            }
        }
        return UUID.randomUUID().toString();
    }

    /** The problem's {@code instance}: this occurrence, as a URN of the request id. */
    public static String instance(String requestId) {
        return "urn:uuid:" + requestId;
    }
}
