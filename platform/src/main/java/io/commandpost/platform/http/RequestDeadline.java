package io.commandpost.platform.http;

import io.commandpost.platform.config.PlatformConfig;
import io.netty.handler.codec.http2.Http2Error;
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
 * its body or announces a Content-Length it never sends holds a connection no longer than that. It gets a 408 problem
 * and the connection is closed; a request already answering is just closed. On HTTP/2 only the request's stream is
 * cut (408 problem and RST_STREAM), the connection's other streams are served on. Other connections are served
 * meanwhile (the timer costs the event loop nothing until it fires).
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
        if (context.request().version() == HttpVersion.HTTP_2) {
            expireStream(context);
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

    /**
     * HTTP/2: only this stream is cut, the connection's other streams go on. A request not answered yet gets the 408
     * problem, then a RST_STREAM NO_ERROR telling the client to stop sending its body (RFC 9113 §8.1); one whose answer
     * had begun is reset with CANCEL.
     */
    private void expireStream(RoutingContext context) {
        var response = context.response();
        LOG.infof("request %s passed its deadline of %d ms; resetting its HTTP/2 stream", RequestIds.of(context),
                deadlineMillis);
        if (response.headWritten()) {
            response.reset(Http2Error.CANCEL.code());
            return;
        }
        HttpProblems.send(context, 408, "Request Timeout", "the request was not complete within "
                + deadlineMillis + " ms");
        response.reset(Http2Error.NO_ERROR.code());
    }
}
