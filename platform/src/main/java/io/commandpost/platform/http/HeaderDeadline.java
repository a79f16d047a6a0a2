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
 * the headers are in and ends the same deadline: headers and body together. On an HTTP/2 connection (prior
 * knowledge, or after an h2c upgrade) the clock runs while a header block is open, from the first byte of its HEADERS
 * frame to the end of the frame that ends it ({@link Http2HeaderBlocks}); one that does not end within the deadline
 * gets a GOAWAY naming a request id, and the connection is closed.
 * <p>
 * Neither Vert.x 4.5 nor Quarkus has a header-read timeout (idle timeouts restart at every byte) or a public hook
 * on accepted connections (Quarkus keeps the server's connection handler for itself), so this adds one Netty
 * handler at the front of every accepted connection's pipeline, through the listening channel of the shared
 * Vert.x HTTP server: the one place that reads a private Vert.x field ({@code TCPServerBase.bindFuture}). If that
 * changes in a Vert.x upgrade it logs a warning and {@code HostileClientsIT} fails. A timer per connection costs
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
     * Called instead of {@link #headersIn} for a request on an HTTP/2 connection, whose header blocks the connection's
     * {@link Http2HeaderBlocks} follows: answers what is left of the deadline counted from the first byte of the
     * request's header block. On a connection that came in as HTTP/1.1 this is an h2c upgrade: from the end of this
     * request on, its frames are followed.
     */
    long http2HeadersIn(HttpConnection connection) {
        Phase phase = phaseOf(connection);
        return phase == null ? deadlineNanos : phase.http2HeadersIn();
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
                accepted.pipeline().addFirst(HANDLER, new Front(phase));
            }
            context.fireChannelRead(message);
        }
    }

    /**
     * The handler at the front of a connection's pipeline, feeding its {@link Phase}. Vert.x removes every handler but
     * its HTTP/2 one when it completes an h2c upgrade; a new one then takes over the same phase.
     */
    private static final class Front extends ChannelInboundHandlerAdapter {

        private final Phase phase;

        Front(Phase phase) {
            this.phase = phase;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            phase.context = context;
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            if (context.channel().isActive() && phase.upgrading) {
                phase.upgraded();
                context.pipeline().addFirst(HANDLER, new Front(phase));
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            phase.start(System.nanoTime()); // the first request: from the connection's accept
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof ByteBuf bytes && bytes.isReadable() && !phase.read(bytes)) {
                return; // cut: the connection is being closed
            }
            context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            phase.cancel();
            context.fireChannelInactive();
        }
    }

    /** One connection's header clock; touched on its event loop only. */
    private final class Phase {

        private ChannelHandlerContext context;
        /** HTTP/1.1: between a request's first byte and its headers. */
        private boolean awaitingHeaders = true;
        private long startedNanos;
        private ScheduledFuture<?> timer;
        private long timerFrom;
        /** Bytes of the HTTP/2 client preface seen at the start of the connection, while they still match it. */
        private int prefaceSniffed;
        private boolean sniffing = true;
        /** Set once the connection speaks HTTP/2 (prior knowledge, or after an h2c upgrade). */
        private Http2HeaderBlocks http2;
        /** An h2c upgrade request came in: its end removes the HTTP/1.1 handlers (and ours). */
        private boolean upgrading;
        /** HTTP/2 came by an h2c upgrade rather than prior knowledge. */
        private boolean afterUpgrade;
        /** The connection's bytes could not be followed after an upgrade: no header clock any more. */
        private boolean untracked;

        /** False when the connection was cut (bytes that are not what HTTP/2 must send). */
        boolean read(ByteBuf bytes) {
            if (untracked) {
                return true;
            }
            if (sniffing) {
                sniff(bytes);
            }
            if (http2 != null) {
                long now = System.nanoTime();
                if (!http2.read(bytes, now)) {
                    cancel();
                    if (afterUpgrade) {
                        // an upgrade whose bytes we cannot follow (e.g. a request body still arriving): Vert.x's own
                        // HTTP/2 codec judges them; this connection goes on without a header clock, never cut by us
                        LOG.debugf("connection %s: cannot follow its frames after an h2c upgrade; no header clock",
                                context.channel().remoteAddress());
                        http2 = null;
                        untracked = true;
                        return true;
                    }
                    LOG.infof("connection %s sent bytes that are not HTTP/2 after choosing it; closing it",
                            context.channel().remoteAddress());
                    context.close();
                    return false;
                }
                if (http2.open()) {
                    if (timer == null || timerFrom != http2.openedAt()) {
                        schedule(http2.openedAt(), now);
                    }
                } else {
                    cancel();
                }
                return true;
            }
            if (awaitingHeaders && timer == null) {
                start(System.nanoTime()); // a later request on a kept-alive connection: from its first byte
            }
            return true;
        }

        /** The first bytes of a connection: HTTP/2 with prior knowledge starts with its preface ("PRI "), never HTTP/1.1. */
        private void sniff(ByteBuf bytes) {
            int matchUpTo = 4; // "PRI " is no HTTP/1.1 method
            int before = prefaceSniffed;
            for (int at = bytes.readerIndex(); at < bytes.writerIndex() && prefaceSniffed < matchUpTo; at++) {
                if (bytes.getByte(at) != Http2HeaderBlocks.PREFACE[prefaceSniffed]) {
                    sniffing = false;
                    return;
                }
                prefaceSniffed++;
            }
            if (prefaceSniffed == matchUpTo) {
                sniffing = false;
                // the first request's header phase still counts from the accept
                http2 = new Http2HeaderBlocks(before, startedNanos);
            }
        }

        void start(long now) {
            startedNanos = now;
            schedule(now, now);
        }

        private void schedule(long from, long now) {
            cancel();
            timerFrom = from;
            timer = context.executor().schedule(this::expire, Math.max(1, deadlineNanos - (now - from)),
                    TimeUnit.NANOSECONDS);
        }

        void cancel() {
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

        long http2HeadersIn() {
            if (!context.executor().inEventLoop()) {
                return deadlineNanos;
            }
            if (http2 == null) {
                // an h2c upgrade: the HTTP/1.1 request's headers are in, its end hands the connection to HTTP/2
                upgrading = true;
                return headersIn();
            }
            long from = http2.lastOpenedAt();
            return from < 0 ? deadlineNanos : Math.max(1, deadlineNanos - (System.nanoTime() - from));
        }

        /** The h2c upgrade is done: the client's preface comes next, then frames. */
        void upgraded() {
            upgrading = false;
            awaitingHeaders = false;
            afterUpgrade = true;
            cancel();
            http2 = new Http2HeaderBlocks(0, -1);
        }

        void requestDone() {
            if (!context.executor().inEventLoop()) {
                context.executor().execute(this::requestDone);
            } else if (http2 == null) {
                awaitingHeaders = true;
            }
        }

        private void expire() {
            timer = null;
            if (!context.channel().isActive()) {
                return;
            }
            String requestId = UUID.randomUUID().toString();
            if (http2 != null) {
                if (!http2.open()) {
                    return;
                }
                LOG.infof("connection %s sent no complete HTTP/2 request headers within %d ms; going away (request %s) "
                        + "and closing it", context.channel().remoteAddress(), millis(), requestId);
                context.writeAndFlush(Unpooled.wrappedBuffer(goAway(http2.lastStream(), requestId)))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (!awaitingHeaders) {
                return;
            }
            LOG.infof("connection %s sent no complete request headers within %d ms; answering 408 (request %s) and "
                    + "closing it", context.channel().remoteAddress(), millis(), requestId);
            context.writeAndFlush(Unpooled.wrappedBuffer(answer(requestId))).addListener(ChannelFutureListener.CLOSE);
        }

        /** An HTTP/2 GOAWAY frame (RFC 9113 §6.8), NO_ERROR, naming the request id in its debug data. */
        private byte[] goAway(int lastStream, String requestId) {
            byte[] debug = ("request headers not complete within " + millis() + " ms; request " + requestId)
                    .getBytes(StandardCharsets.US_ASCII);
            int length = 8 + debug.length;
            byte[] frame = new byte[9 + length];
            frame[0] = (byte) (length >>> 16);
            frame[1] = (byte) (length >>> 8);
            frame[2] = (byte) length;
            frame[3] = 0x7; // GOAWAY, no flags, stream 0
            frame[9] = (byte) ((lastStream >>> 24) & 0x7F);
            frame[10] = (byte) (lastStream >>> 16);
            frame[11] = (byte) (lastStream >>> 8);
            frame[12] = (byte) lastStream;
            // error code NO_ERROR (0): bytes 13..16 stay zero
            System.arraycopy(debug, 0, frame, 17, debug.length);
            return frame;
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
