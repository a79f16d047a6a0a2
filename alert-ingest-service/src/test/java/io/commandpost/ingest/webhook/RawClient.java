package io.commandpost.ingest.webhook;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client on a raw socket to the service under test, for what no HTTP client sends: requests drip-fed, never ended or
 * endless. Reads time out (an assertion error) so that a server that never answers fails the test instead of hanging
 * it; closing the client ends whatever it still writes in the background.
 */
final class RawClient implements AutoCloseable {

    /** The clients' own writer threads (the common pool may have a single one on two cores). */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool();

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** A connection to the service, whose reads fail after {@code readTimeoutMillis} without a byte. */
    static RawClient connect(long readTimeoutMillis) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout((int) readTimeoutMillis);
        return new RawClient(socket);
    }

    /** A connection that speaks HTTP/2 with prior knowledge: the client preface and an empty SETTINGS are sent. */
    static RawClient http2(long readTimeoutMillis) throws IOException {
        return connect(readTimeoutMillis).send(Http2.PREFACE, Http2.frame(Http2.SETTINGS, 0, 0, new byte[0]));
    }

    InputStream in() {
        return in;
    }

    /** Writes these bytes and flushes them. */
    RawClient send(byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
        return this;
    }

    RawClient send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a background writer sent: how many bytes, and whether the server cut it off before it was done. */
    record Sent(long bytes, boolean cutOff) {
    }

    /**
     * Writes the pieces in the background, one every {@code everyMillis} (0: as fast as the server reads), until all
     * are sent or the server closes the connection.
     */
    CompletableFuture<Sent> drip(long everyMillis, List<byte[]> pieces) {
        return CompletableFuture.supplyAsync(() -> {
            long sent = 0;
            try {
                for (byte[] piece : pieces) {
                    out.write(piece);
                    out.flush();
                    sent += piece.length;
                    if (everyMillis > 0) {
                        Thread.sleep(everyMillis); // the hostile client's pace, not a wait of the test
                    }
                }
                return new Sent(sent, false);
            } catch (IOException | InterruptedException cutOff) {
                return new Sent(sent, true); // the server closed the connection (or the test is done)
            }
        }, WRITERS);
    }

    /** Each byte as a piece of its own, for {@link #drip}. */
    static List<byte[]> eachByte(byte[] bytes) {
        List<byte[]> pieces = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }

    /** Everything until the server closes the connection, as ASCII. */
    String readAll() throws IOException {
        return readAll(in);
    }

    byte[] readAllBytes() throws IOException {
        return readAllBytes(in);
    }

    /** Everything until the server closes the connection, as ASCII. */
    static String readAll(InputStream in) throws IOException {
        return new String(readAllBytes(in), StandardCharsets.US_ASCII);
    }

    /** Everything until the server closes the connection (a reset after its last bytes counts as closing). */
    static byte[] readAllBytes(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; read so far: " + read, e);
        } catch (java.net.SocketException reset) {
            // closed by the server while the client still wrote
        }
        return read.toByteArray();
    }

    /** One HTTP/1.1 answer (head and a Content-Length or chunked body), off a connection the server may keep open. */
    String readOneAnswer() throws IOException {
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no whole answer came; read so far: " + read, e);
            }
            if (n < 0) {
                return read.toString();
            }
            read.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            int end = read.indexOf("\r\n\r\n");
            if (end >= 0) {
                String length = header(read.toString(), "Content-Length");
                if (length != null && read.length() >= end + 4 + Integer.parseInt(length)) {
                    return read.toString();
                }
                if (length == null && read.indexOf("\r\n0\r\n\r\n", end) >= 0) {
                    return read.toString();
                }
            }
        }
    }

    /** A header's value in an HTTP/1.1 answer's head, or null. */
    static String header(String answer, String name) {
        for (String line : answer.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
