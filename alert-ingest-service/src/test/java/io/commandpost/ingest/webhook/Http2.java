package io.commandpost.ingest.webhook;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough HTTP/2 (RFC 9113) for a test to play a hostile client on a raw socket: frames written by hand, header
 * blocks encoded and decoded with Netty's HPACK (a fresh encoder per block refers to no entry an earlier block added).
 */
final class Http2 {

    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int GOAWAY = 0x7;
    static final int CONTINUATION = 0x9;
    static final int END_STREAM = 0x1;
    static final int END_HEADERS = 0x4;

    private Http2() {
    }

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        byte[] frame = new byte[9 + payload.length];
        frame[0] = (byte) (payload.length >>> 16);
        frame[1] = (byte) (payload.length >>> 8);
        frame[2] = (byte) payload.length;
        frame[3] = (byte) type;
        frame[4] = (byte) flags;
        frame[5] = (byte) ((stream >>> 24) & 0x7F);
        frame[6] = (byte) (stream >>> 16);
        frame[7] = (byte) (stream >>> 8);
        frame[8] = (byte) stream;
        System.arraycopy(payload, 0, frame, 9, payload.length);
        return frame;
    }

    /** A JSON webhook request's header block, HPACK-encoded. */
    static byte[] headerBlock(int stream, String method, String path, String token, int contentLength)
            throws Http2Exception {
        return headerBlock(stream, method, path, "application/json", token, contentLength);
    }

    /** A webhook request's header block, HPACK-encoded; a negative length announces none. */
    static byte[] headerBlock(int stream, String method, String path, String contentType, String token,
                              int contentLength) throws Http2Exception {
        Http2Headers headers = new DefaultHttp2Headers().method(method).scheme("http").path(path).authority("localhost")
                .add("content-type", contentType).add("authorization", "Bearer " + token);
        if (contentLength >= 0) {
            headers.add("content-length", Integer.toString(contentLength));
        }
        DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
        ByteBuf out = Unpooled.buffer();
        encoder.encodeHeaders(stream, headers, out);
        byte[] block = new byte[out.readableBytes()];
        out.readBytes(block);
        return block;
    }

    /** A whole JSON webhook request on a stream: its HEADERS frame and one DATA frame ending the stream. */
    static byte[] request(int stream, String path, String token, byte[] body) throws Http2Exception {
        byte[] headers = frame(HEADERS, END_HEADERS, stream, headerBlock(stream, "POST", path, token, body.length));
        byte[] data = frame(DATA, END_STREAM, stream, body);
        byte[] both = Arrays.copyOf(headers, headers.length + data.length);
        System.arraycopy(data, 0, both, headers.length, data.length);
        return both;
    }

    /** The rest of a header block from {@code from} on, one CONTINUATION frame per byte, none ending it. */
    static List<byte[]> continuations(int stream, byte[] block, int from) {
        List<byte[]> frames = new ArrayList<>();
        for (int at = from; at < block.length; at++) {
            frames.add(frame(CONTINUATION, 0, stream, new byte[] {block[at]}));
        }
        return frames;
    }

    record Frame(int type, int flags, int stream, byte[] payload) {
    }

    /** The whole frames in these bytes, in order (a partial last frame is left out). */
    static List<Frame> frames(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        for (int at = 0; at + 9 <= bytes.length; ) {
            int length = (bytes[at] & 0xFF) << 16 | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF);
            if (at + 9 + length > bytes.length) {
                break;
            }
            int stream = (bytes[at + 5] & 0x7F) << 24 | (bytes[at + 6] & 0xFF) << 16 | (bytes[at + 7] & 0xFF) << 8
                    | (bytes[at + 8] & 0xFF);
            frames.add(new Frame(bytes[at + 3] & 0xFF, bytes[at + 4] & 0xFF, stream,
                    Arrays.copyOfRange(bytes, at + 9, at + 9 + length)));
            at += 9 + length;
        }
        return frames;
    }

    static List<Integer> frameTypes(byte[] bytes) {
        return frames(bytes).stream().map(Frame::type).toList();
    }

    static String goAwayDebug(byte[] bytes) {
        return frames(bytes).stream().filter(frame -> frame.type() == GOAWAY).findFirst()
                .map(frame -> new String(frame.payload(), 8, frame.payload().length - 8, StandardCharsets.US_ASCII))
                .orElse(null);
    }

    static int goAwayLastStream(byte[] bytes) {
        return frames(bytes).stream().filter(frame -> frame.type() == GOAWAY).findFirst()
                .map(frame -> (frame.payload()[0] & 0x7F) << 24 | (frame.payload()[1] & 0xFF) << 16
                        | (frame.payload()[2] & 0xFF) << 8 | (frame.payload()[3] & 0xFF))
                .orElse(-1);
    }

    /** The :status of the first HEADERS frame on the stream (a server's answer fits one frame here), or null. */
    static String status(byte[] bytes, int stream) throws Http2Exception {
        Http2Headers headers = headersOn(bytes, stream);
        return headers == null || headers.status() == null ? null : headers.status().toString();
    }

    /**
     * The first HEADERS frame on the stream, decoded, or null. The bytes must be all the server sent on the connection
     * from its start: its header blocks refer to entries of HPACK's table that earlier ones added.
     */
    static Http2Headers headersOn(byte[] bytes, int stream) throws Http2Exception {
        DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
        for (Frame frame : frames(bytes)) {
            Http2Headers headers = frame.type() == HEADERS
                    ? decoder.decodeHeaders(frame.stream(), Unpooled.wrappedBuffer(headerBlockOf(frame))) : null;
            if (headers != null && frame.stream() == stream) {
                return headers;
            }
        }
        return null;
    }

    /** The payloads of the DATA frames on the stream, in order, as ASCII (the server pads none). */
    static String dataOn(byte[] bytes, int stream) {
        StringBuilder data = new StringBuilder();
        for (Frame frame : frames(bytes)) {
            if (frame.type() == DATA && frame.stream() == stream) {
                data.append(new String(frame.payload(), StandardCharsets.US_ASCII));
            }
        }
        return data.toString();
    }

    /** Whether a frame of this type came on the stream. */
    static boolean has(byte[] bytes, int type, int stream) {
        return frames(bytes).stream().anyMatch(frame -> frame.type() == type && frame.stream() == stream);
    }

    /** A HEADERS frame's header block: without its padding (PADDED, 0x8) and priority fields (PRIORITY, 0x20). */
    private static byte[] headerBlockOf(Frame frame) {
        byte[] payload = frame.payload();
        int from = 0;
        int to = payload.length;
        if ((frame.flags() & 0x8) != 0) {
            to -= payload[0] & 0xFF;
            from = 1;
        }
        if ((frame.flags() & 0x20) != 0) {
            from += 5;
        }
        return Arrays.copyOfRange(payload, from, to);
    }

    /** What came, for an assertion's message: frame types and a GOAWAY's debug text. */
    static String describe(byte[] bytes) {
        return "frames " + frames(bytes).stream().map(frame -> frame.type() + "@" + frame.stream()).toList()
                + ", goaway: " + goAwayDebug(bytes) + ", raw start: "
                + new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.US_ASCII);
    }

    /** Reads whole frames until a HEADERS frame on the stream came (and returns all read), or the connection closed. */
    static byte[] readUntilHeadersOn(InputStream in, int stream) throws IOException {
        return readUntil(in, HEADERS, stream);
    }

    /** Reads whole frames until one of the type came on the stream (and returns all read), or the connection closed. */
    static byte[] readUntil(InputStream in, int type, int stream) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (true) {
            byte[] header = in.readNBytes(9);
            if (header.length < 9) {
                return read.toByteArray();
            }
            int length = (header[0] & 0xFF) << 16 | (header[1] & 0xFF) << 8 | (header[2] & 0xFF);
            byte[] payload = in.readNBytes(length);
            read.write(header);
            read.write(payload);
            int frameStream = (header[5] & 0x7F) << 24 | (header[6] & 0xFF) << 16 | (header[7] & 0xFF) << 8
                    | (header[8] & 0xFF);
            if ((header[3] & 0xFF) == type && frameStream == stream) {
                return read.toByteArray();
            }
        }
    }

    /** An HTTP/1.1 response head (status line and headers, up to the empty line). */
    static String readHttp1Head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
