package io.commandpost.console.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form post that does not carry the token of the CSRF cookie (no token, another one, no
 * cookie) with a bare 400 before any resource runs. The console's forms always carry it, so such a post came from
 * another site or from a page older than the cookie: the console answers it like its other refusals, a 403 problem
 * with the request id, saying what to do (ADR 0029).
 */
public class StaleFormRefusal {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerResponseFilter
    public void asProblem(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (response.getStatus() != 400 || response.hasEntity() || SAFE.contains(request.getMethod())) {
            return;
        }
        String requestId = Problems.requestId(routing.request());
        response.setStatus(403);
        response.getHeaders().putSingle(Problems.REQUEST_ID, requestId);
        response.setEntity(Problems.body(requestId, 403, "Form refused",
                        "This form did not carry the console's CSRF token: it came from another site, or the page is older "
                                + "than your session. Reload the page and try again."),
                new Annotation[0], MediaType.valueOf(Problems.MEDIA_TYPE));
    }
}
