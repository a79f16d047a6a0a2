package io.commandpost.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body in an encoding this service does not expand is refused with a 415 naming the encodings it
 * does, before a byte is read; it is never handed on to be called malformed JSON. With
 * {@code quarkus.http.enable-decompression} the HTTP codec has already expanded gzip and deflate (and
 * removed the header) by the time this runs; the expanded bytes then count against the body limit.
 */
@ApplicationScoped
public class ContentEncodings {

    /** After the request id (3000), before the body limit (2000). */
    static final int PRIORITY = 2500;

    private final String accepted;

    ContentEncodings(@ConfigProperty(name = "quarkus.http.enable-decompression", defaultValue = "false")
                     boolean decompression) {
        this.accepted = decompression ? "gzip, deflate (or none)" : "none (identity)";
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext context) {
        String encoding = context.request().getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || encoding.isBlank() || encoding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
            context.next();
            return;
        }
        HttpProblems.send(context, 415, "Unsupported Media Type", "Content-Encoding '" + encoding.trim()
                + "' is not accepted; send the body in one of: " + accepted, "Accept-Encoding",
                accepted.startsWith("gzip") ? "gzip, deflate" : "identity", "Connection", "close");
    }
}
