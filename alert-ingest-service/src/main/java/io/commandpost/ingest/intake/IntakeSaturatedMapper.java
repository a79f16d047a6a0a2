package io.commandpost.ingest.intake;

import io.commandpost.platform.http.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Back-pressure is a 503 with Retry-After (never 429: the sender did nothing wrong and must retry). */
public class IntakeSaturatedMapper {

    @ServerExceptionMapper
    public Response saturated(IntakeSaturatedException e) {
        return problemOf(e).toResponse();
    }

    public static Problem problemOf(IntakeSaturatedException e) {
        return Problem.of(503, "Service Unavailable", "too many deliveries in flight; retry after "
                + e.retryAfterSeconds() + " s").withHeader("Retry-After", e.retryAfterSeconds());
    }
}
