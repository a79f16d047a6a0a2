package io.commandpost.platform.http;

import io.commandpost.events.EventJson;
import io.commandpost.platform.config.PlatformConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The header phase of the total request deadline ({@code commandpost.http.request-deadline}): a connection that
 * does not deliver a complete request line and headers within the deadline is answered 408 (problem+json with a
 * request id) and closed, so a client drip-feeding its headers a byte a second holds a connection no longer than
 * that. The clock starts when the connection is accepted (first request) or at the first byte of a later request
 * on a kept-alive connection, so idle kept-alive connections are left alone. {@link RequestDeadline} takes over when
 * the headers are in and ends the same deadline: headers and body together. On an HTTP/2 connection (streams
 * interleave) the clock stops once the first request's headers are in.
 * <p>
 * Neither Vert.x 4.5 nor Quarkus has a header-read timeout (idle timeouts restart at every byte) or a public hook
 * on accepted connections (Quarkus keeps the server's connection handler for itself), so this adds one Netty
 * handler at the front of every accepted connection's pipeline, through the listening channel of the shared
 * Vert.x HTTP server: the one place that reads a private Vert.x field ({@code TCPServerBase.bindFuture}). If that
 * changes in a Vert.x upgrade it logs a warning and {@code HeaderDeadlineIT} fails. A timer per connection costs
 * the event loop nothing until it fires.
 */
@ApplicationScoped
public class HeaderDeadline {

    private static final Logger LOG = Logger.getLogger(HeaderDeadline.class);

    static final String HANDLER = "commandpost-header-deadline";

    private static final AttributeKey<Phase> PHASE = AttributeKey.valueOf(HANDLER);

    private final Vertx vertx;
    private final long deadlineNanos;

    HeaderDeadline(Vertx vertx, PlatformConfig config) {
        this.vertx = vertx;
        this.deadlineNanos = Math.max(1, config.http().requestDeadline().toNanos());
    }

    /** After every listen of the HTTP server (one per event-loop verticle); installs once per listening channel. */
    void install(@ObservesAsync HttpServerStart started) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true);
            for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                @SuppressWarnings("unchecked")
                Future<Channel> listening = (Future<Channel>) bound.get(server);
                if (listening == null) {
                    continue;
                }
                listening.onSuccess(channel -> channel.eventLoop().execute(() -> {
                    if (channel.pipeline().get(HANDLER) == null) {
                        channel.pipeline().addFirst(HANDLER, new Accepted());
                        LOG.debugf("request headers are due within %d ms on %s", millis(), channel.localAddress());
                    }
                }));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("cannot install the header deadline (%s); headers drip-fed are cut only by the idle timeout", e);
        }
    }

    /**
     * Called when a request's headers are in (by {@link RequestDeadline}): stops the header clock and answers how
     * many nanoseconds are left of the deadline, counted from the first byte of the request.
     */
    long headersIn(HttpConnection connection) {
        Phase phase = phaseOf(connection);
        return phase == null ? deadlineNanos : phase.headersIn();
    }

    /**
     * Called instead of {@link #headersIn} for an HTTP/2 connection: its streams interleave, so "between requests" has
     * no meaning there; the header clock stops for good (the first request's headers did arrive in time).
     */
    void multiplexed(HttpConnection connection) {
        Phase phase = phaseOf(connection);
        if (phase != null) {
            phase.stop();
        }
    }

    /** Called when a request is answered: the next byte on the connection starts the next request's header clock. */
    void requestDone(HttpConnection connection) {
        Phase phase = phaseOf(connection);
        if (phase != null) {
            phase.requestDone();
        }
    }

    private long millis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos);
    }

    private static Phase phaseOf(HttpConnection connection) {
        return connection instanceof ConnectionBase base ? base.channel().attr(PHASE).get() : null;
    }

    /** On the listening channel: puts a {@link Phase} at the front of every accepted connection. */
    @ChannelHandler.Sharable
    private final class Accepted extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof Channel accepted) {
                Phase phase = new Phase();
                accepted.attr(PHASE).set(phase);
                accepted.pipeline().addFirst(HANDLER, phase);
            }
            context.fireChannelRead(message);
        }
    }

    /** One connection's header clock; touched on its event loop only. */
    private final class Phase extends ChannelInboundHandlerAdapter {

        private ChannelHandlerContext context;
        private boolean awaitingHeaders = true;
        private boolean stopped;
        private long startedNanos;
        private ScheduledFuture<?> timer;

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            this.context = context;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            start(); // the first request: from the connection's accept
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (awaitingHeaders && !stopped && timer == null && message instanceof ByteBuf bytes && bytes.isReadable()) {
                start(); // a later request on a kept-alive connection: from its first byte
            }
            context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            cancel();
            context.fireChannelInactive();
        }

        private void start() {
            startedNanos = System.nanoTime();
            timer = context.executor().schedule(this::expire, deadlineNanos, TimeUnit.NANOSECONDS);
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        long headersIn() {
            if (!context.executor().inEventLoop()) {
                context.executor().execute(this::headersIn);
                return deadlineNanos;
            }
            long left = awaitingHeaders && timer != null ? deadlineNanos - (System.nanoTime() - startedNanos) : deadlineNanos;
            awaitingHeaders = false;
            cancel();
            return Math.max(1, left);
        }

        void stop() {
            if (!context.executor().inEventLoop()) {
                context.executor().execute(this::stop);
                return;
            }
            stopped = true;
            awaitingHeaders = false;
            cancel();
        }

        void requestDone() {
            if (context.executor().inEventLoop()) {
                awaitingHeaders = !stopped;
            } else {
                context.executor().execute(this::requestDone);
            }
        }

        private void expire() {
            timer = null;
            if (!awaitingHeaders || stopped || !context.channel().isActive()) {
                return;
            }
            String requestId = UUID.randomUUID().toString();
            LOG.infof("connection %s sent no complete request headers within %d ms; answering 408 (request %s) and "
                    + "closing it", context.channel().remoteAddress(), millis(), requestId);
            context.writeAndFlush(Unpooled.wrappedBuffer(answer(requestId))).addListener(ChannelFutureListener.CLOSE);
        }

        private byte[] answer(String requestId) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Request Timeout");
            problem.put("status", 408);
            problem.put("detail", "the request headers were not complete within " + millis() + " ms");
            problem.put("instance", RequestIds.instance(requestId));
            problem.put("requestId", requestId);
            byte[] body;
            try {
                body = EventJson.mapper().writeValueAsBytes(problem);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                body = new byte[0];
            }
            String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problem.MEDIA_TYPE + "\r\nContent-Length: "
                    + body.length + "\r\n" + RequestIds.HEADER + ": " + requestId + "\r\nConnection: close\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            return all;
        }
    }
}
