package io.commandpost.platform.http;

import io.commandpost.platform.config.PlatformConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A total deadline for every request, headers, body and answer together ({@code commandpost.http.request-deadline}),
 * counted from the request's first byte ({@link HeaderDeadline} holds the header phase): a client that drip-feeds
 * its body or announces a Content-Length it never sends holds a connection no longer than that. It gets a 408 problem and the connection is closed; a request already answering is just closed. Other
 * connections are served meanwhile (the timer costs the event loop nothing until it fires).
 */
@ApplicationScoped
public class RequestDeadline {

    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);

    /** Right after the request id (3000), so the 408 carries it. */
    static final int PRIORITY = 2900;

    private final long deadlineMillis;

    private final HeaderDeadline headers;

    RequestDeadline(PlatformConfig config, HeaderDeadline headers) {
        this.deadlineMillis = Math.max(1, config.http().requestDeadline().toMillis());
        this.headers = headers;
    }

    void register(@Observes Filters filters) {
        filters.register(this::arm, PRIORITY);
    }

    /** The headers are in: what is left of the deadline, counted from the request's first byte, is the body's. */
    void arm(RoutingContext context) {
        var connection = context.request().connection();
        long leftNanos;
        if (context.request().version() == HttpVersion.HTTP_2) {
            leftNanos = headers.http2HeadersIn(connection);
        } else {
            leftNanos = headers.headersIn(connection);
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos));
        long timer = context.vertx().setTimer(left, fired -> expire(context));
        context.addEndHandler(done -> {
            context.vertx().cancelTimer(timer);
            headers.requestDone(connection);
        });
        context.next();
    }

    private void expire(RoutingContext context) {
        var response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        LOG.infof("request %s passed its deadline of %d ms; closing the connection", RequestIds.of(context),
                deadlineMillis);
        if (!response.headWritten()) {
            HttpProblems.send(context, 408, "Request Timeout", "the request was not complete within "
                    + deadlineMillis + " ms", "Connection", "close");
        }
        context.request().connection().close();
    }
}
