package io.commandpost.platform.http;

import io.commandpost.platform.config.PlatformConfig;
import io.commandpost.platform.eventing.EventBusUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The problem a failure answers with, and its one log line: the JAX-RS exception mappers ({@link ProblemMappers}) and
 * routes outside JAX-RS (alert-ingest's lean webhooks) answer the same failure alike.
 */
@ApplicationScoped
public class FailureProblems {

    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    private final int retryAfterSeconds;
    private final DependencyFailures failures = DependencyFailures.SHARED;

    FailureProblems(PlatformConfig config) {
        this.retryAfterSeconds = config.publish().retryAfterSeconds();
    }

    /** For a route outside JAX-RS: what the mappers answer for the failures such a route meets. */
    public Problem of(Throwable error) {
        if (error instanceof InvalidInputException invalid) {
            return invalid.problem();
        }
        if (error instanceof EventBusUnavailableException unavailable) {
            return busUnavailable(unavailable);
        }
        if (error instanceof DependencyUnavailableException down) {
            return unavailable(down.dependency(), down);
        }
        if (error instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(),
                    status.getStatusCode() >= 500 ? status.getReasonPhrase() : web.getMessage());
        }
        return unexpected(error);
    }

    Problem busUnavailable(EventBusUnavailableException e) {
        LOG.warnf("answering 503: %s", e.getMessage());
        return Problem.of(503, "Service Unavailable", "the event log cannot take this now; retry later")
                .withHeader("Retry-After", retryAfterSeconds);
    }

    /** A dependency down or stalled is 503 + Retry-After, one warning per outage; anything else is a real fault. */
    Problem unexpected(Throwable e) {
        String dependency = DependencyFailures.dependencyOf(e);
        if (dependency != null) {
            return unavailable(dependency, e);
        }
        LOG.error("answering 500", e);
        return Problem.of(500, "Internal Server Error", "Internal Server Error");
    }

    Problem unavailable(String dependency, Throwable e) {
        if (failures.firstOfOutage(dependency)) {
            LOG.warnf("%s is not answering; answering 503 until it does (%s)", dependency, rootMessage(e));
        }
        return Problem.of(503, "Service Unavailable", dependency + " is not answering; retry later")
                .withHeader("Retry-After", retryAfterSeconds);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
