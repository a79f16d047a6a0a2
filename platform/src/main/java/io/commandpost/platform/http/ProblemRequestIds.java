package io.commandpost.platform.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem an endpoint, a filter or a mapper answers with names its request ({@code instance},
 * {@code requestId}, as in the {@code X-Request-Id} header) and leaves one log line with that id.
 */
public class ProblemRequestIds {

    private static final Logger LOG = Logger.getLogger(ProblemRequestIds.class);

    @ServerResponseFilter
    public void stamp(ContainerResponseContext response, RoutingContext context) {
        if (response.getEntity() instanceof Problem problem) {
            String requestId = RequestIds.of(context);
            response.setEntity(problem.withRequestId(requestId));
            if (problem.status() < 500) {
                LOG.infof("refused %d (request %s): %s", problem.status(), requestId, problem.detail());
            }
        }
    }
}
