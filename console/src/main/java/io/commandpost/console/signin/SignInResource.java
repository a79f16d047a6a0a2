package io.commandpost.console.signin;

import io.commandpost.console.config.ConsoleConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Signing in with a local account (the embedded default) and out again. */
@Path("/")
public class SignInResource {

    private final LocalAccounts accounts;
    private final SessionTokens tokens;
    private final Template page;

    SignInResource(ConsoleConfig config, SessionTokens tokens, @Location("signin.html") Template page) {
        this.accounts = LocalAccounts.parse(config.localAccounts().orElse(List.of()));
        this.tokens = tokens;
        this.page = page;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next) {
        return page.data("next", safeNext(next)).data("failed", false).data("handle", "")
                .data("localAccounts", !accounts.isEmpty());
    }

    @POST
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("handle") String handle, @FormParam("password") String password,
                           @FormParam("next") String next) {
        return accounts.authenticate(handle, password)
                .map(account -> Response.seeOther(URI.create(safeNext(next)))
                        .cookie(session(tokens.issue(account), (int) tokens.maxAgeSeconds())).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED)
                        .entity(page.data("next", safeNext(next)).data("failed", true)
                                .data("handle", handle == null ? "" : handle).data("localAccounts", !accounts.isEmpty()))
                        .build());
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/sign-in")).cookie(session("", 0)).build();
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/today")).build();
    }

    /** Only a path of this console: never an open redirect to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/today";
    }

    private static NewCookie session(String value, int maxAge) {
        return new NewCookie.Builder(SessionTokens.COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }
}
