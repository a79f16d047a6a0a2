package io.commandpost.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts a body that came without a length (chunked, or expanded from gzip/deflate) while it is read, and refuses it
 * with a 413 problem (request id and {@code Connection: close}) as soon as the count passes
 * {@code quarkus.http.limits.max-body-size}: what was read is at most the limit plus one network chunk, and the rest
 * is never read. A body with a Content-Length was checked against the limit before it was read
 * ({@link BodyLimitFilter}).
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    /** Quarkus' own default for {@code quarkus.http.limits.max-body-size}. */
    private static final long QUARKUS_DEFAULT = 10_240L * 1024;

    /**
     * Read at the first body, not injected: Quarkus REST makes its providers while the application is built (static
     * init), when the runtime value is not known yet; an injected one would fail the start of any service that
     * leaves the limit at its default.
     */
    private volatile long maxBytes = -1;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            context.setInputStream(new Counted(context.getInputStream(), maxBytes()));
        }
        return context.proceed();
    }

    private long maxBytes() {
        long max = maxBytes;
        if (max < 0) {
            max = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                    .map(MemorySize::asLongValue).orElse(QUARKUS_DEFAULT);
            maxBytes = max;
        }
        return max;
    }

    static WebApplicationException tooLarge(long maxBytes) {
        return Problem.of(413, "Content Too Large", "the body is larger than the limit of " + maxBytes + " bytes")
                .withHeader("Connection", "close").exception();
    }

    /** The body as read, throwing the 413 once more than {@code maxBytes} came. */
    static final class Counted extends FilterInputStream {

        private final long maxBytes;
        private long count;

        Counted(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
    }
}
