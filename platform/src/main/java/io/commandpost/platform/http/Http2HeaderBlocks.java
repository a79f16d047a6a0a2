package io.commandpost.platform.http;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Follows the frames a client sends on an HTTP/2 connection (RFC 9113 §4.1) just far enough to know whether a header
 * block is open: from the first byte of a HEADERS frame until the end of the frame (HEADERS or CONTINUATION) that
 * carries END_HEADERS. Only one header block can be open at a time on a connection and no other frame may come in
 * between, so one clock per connection covers every request's header phase. Reads frame headers only (9 bytes per
 * frame); payloads are skipped, nothing is copied or decoded. Used on the connection's event loop only.
 */
final class Http2HeaderBlocks {

    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final int FRAME_HEADER = 9;
    private static final int HEADERS = 0x1;
    private static final int CONTINUATION = 0x9;
    private static final int END_HEADERS = 0x4;

    private int prefaceLeft;
    private final byte[] frameHeader = new byte[FRAME_HEADER];
    private int frameHeaderFill;
    private long frameStartedAt;
    private int payloadLeft;
    private int type;
    private int flags;
    private int stream;

    private boolean open;
    private long openedAt;
    private int lastStream;
    private long lastOpenedAt = -1;

    /**
     * @param prefaceRead bytes of the client preface already read by the caller
     * @param firstOpenedAt when the first request's header phase began (the connection's accept), or -1 when a request
     *                      already came in (after an h2c upgrade, whose request is stream 1)
     */
    Http2HeaderBlocks(int prefaceRead, long firstOpenedAt) {
        this.prefaceLeft = PREFACE.length - prefaceRead;
        if (firstOpenedAt >= 0) {
            open = true;
            openedAt = firstOpenedAt;
        } else {
            lastStream = 1;
        }
    }

    /**
     * Follows the readable bytes (without consuming them), read at {@code now}.
     *
     * @return false when they are not HTTP/2: the client preface did not come as it must
     */
    boolean read(ByteBuf bytes, long now) {
        int at = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (at < end) {
            if (prefaceLeft > 0) {
                if (bytes.getByte(at++) != PREFACE[PREFACE.length - prefaceLeft]) {
                    return false;
                }
                prefaceLeft--;
            } else if (payloadLeft > 0) {
                int skipped = Math.min(payloadLeft, end - at);
                payloadLeft -= skipped;
                at += skipped;
                if (payloadLeft == 0) {
                    frameDone();
                }
            } else {
                if (frameHeaderFill == 0) {
                    frameStartedAt = now;
                }
                frameHeader[frameHeaderFill++] = bytes.getByte(at++);
                if (frameHeaderFill == FRAME_HEADER) {
                    frameHeaderFill = 0;
                    frameHeaderIn();
                }
            }
        }
        return true;
    }

    private void frameHeaderIn() {
        payloadLeft = (frameHeader[0] & 0xFF) << 16 | (frameHeader[1] & 0xFF) << 8 | (frameHeader[2] & 0xFF);
        type = frameHeader[3] & 0xFF;
        flags = frameHeader[4] & 0xFF;
        stream = ((frameHeader[5] & 0x7F) << 24) | (frameHeader[6] & 0xFF) << 16 | (frameHeader[7] & 0xFF) << 8
                | (frameHeader[8] & 0xFF);
        if (type == HEADERS && !open) {
            open = true;
            openedAt = frameStartedAt;
        }
        if (payloadLeft == 0) {
            frameDone();
        }
    }

    private void frameDone() {
        if (open && (type == HEADERS || type == CONTINUATION) && (flags & END_HEADERS) != 0) {
            open = false;
            lastOpenedAt = openedAt;
            lastStream = Math.max(lastStream, stream);
        }
    }

    /** Whether a header block is open (or, on a new connection, the first one has not come in yet). */
    boolean open() {
        return open;
    }

    /** When the open header block began (its first byte, or the connection's accept for the first request). */
    long openedAt() {
        return openedAt;
    }

    /** When the last completed header block began; -1 before any. */
    long lastOpenedAt() {
        return lastOpenedAt;
    }

    /** The highest stream whose headers came in whole (GOAWAY's last stream id). */
    int lastStream() {
        return lastStream;
    }
}
