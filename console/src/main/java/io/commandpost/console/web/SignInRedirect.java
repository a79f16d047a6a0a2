package io.commandpost.console.web;

import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.signin.SessionTokens;
import io.commandpost.console.signin.SignInResource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Pages ask who is signed in; nobody (or an expired session) is sent to the sign-in page, coming back where
 * they were. A signed-in person without the role an action needs gets a 403 problem.
 */
public class SignInRedirect {

    private final boolean identityProvider;

    SignInRedirect(ConsoleConfig config) {
        this.identityProvider = config.signsInThroughIdentityProvider();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response signInFirst(HttpServerRequest request) {
        String back = request.method().name().equals("GET") ? request.uri() : "/today";
        NewCookie expired = new NewCookie.Builder(SessionTokens.COOKIE).value("").path("/").maxAge(0).build();
        if (identityProvider) {
            // through the company's identity provider: straight to it, coming back where they were (ADR 0029)
            return Response.seeOther(URI.create(SignInResource.IDENTITY_PROVIDER_SIGN_IN))
                    .cookie(expired, SignInResource.goingTo(back)).build();
        }
        return Response.seeOther(URI.create("/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                .cookie(expired).build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response notAllowed(HttpServerRequest request) {
        return Problems.response(request, 403, "Not allowed",
                "Your role does not allow this; ask a team admin.");
    }

    @ServerExceptionMapper(jakarta.ws.rs.NotFoundException.class)
    public Response notFound(HttpServerRequest request) {
        return Problems.response(request, 404, "Not found", "No page or resource at " + request.path());
    }

}
