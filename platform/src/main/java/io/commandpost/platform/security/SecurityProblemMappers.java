package io.commandpost.platform.security;

import io.commandpost.platform.http.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 without a valid credential, 403 with the wrong role: problem+json like every other refusal. */
public class SecurityProblemMappers {

    static final String CHALLENGE = "Bearer realm=\"commandpost\"";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "your role does not allow this"
                : e.getMessage();
        return Problem.of(403, "Forbidden", detail).toResponse();
    }

    private static Response unauthorized() {
        return Problem.of(401, "Unauthorized", "a valid bearer token (a person's sign-in or a service API key) "
                + "is required").withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).toResponse();
    }
}
