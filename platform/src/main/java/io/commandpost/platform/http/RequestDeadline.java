package io.commandpost.platform.http;

import io.commandpost.platform.config.PlatformConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A total deadline for every request, body and answer together ({@code commandpost.http.request-deadline}): a
 * client that drip-feeds its body or announces a Content-Length it never sends holds a connection no longer than
 * that. It gets a 408 problem and the connection is closed; a request already answering is just closed. Other
 * connections are served meanwhile (the timer costs the event loop nothing until it fires).
 */
@ApplicationScoped
public class RequestDeadline {

    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);

    /** Right after the request id (3000), so the 408 carries it. */
    static final int PRIORITY = 2900;

    private final long deadlineMillis;

    RequestDeadline(PlatformConfig config) {
        this.deadlineMillis = Math.max(1, config.http().requestDeadline().toMillis());
    }

    void register(@Observes Filters filters) {
        filters.register(this::arm, PRIORITY);
    }

    void arm(RoutingContext context) {
        long timer = context.vertx().setTimer(deadlineMillis, fired -> expire(context));
        context.addEndHandler(done -> context.vertx().cancelTimer(timer));
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
