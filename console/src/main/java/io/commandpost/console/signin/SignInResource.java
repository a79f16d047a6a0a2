package io.commandpost.console.signin;

import io.commandpost.console.config.ConsoleConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Signing in and out: through the company's identity provider when one is configured (ADR 0029), else with a local
 * account of the embedded default (NOT FOR PRODUCTION).
 */
@Path("/")
public class SignInResource {

    /** Where the identity provider sends people back, and where a visitor is sent to start signing in through it. */
    public static final String IDENTITY_PROVIDER_SIGN_IN = "/sign-in/oidc";
    /** The identity provider's sign-out ({@code quarkus.oidc.logout.path}). */
    static final String IDENTITY_PROVIDER_SIGN_OUT = "/sign-out/oidc";
    /** Where a person was going when sent to the identity provider, kept for the way back. */
    static final String NEXT_COOKIE = "commandpost_next";

    private final boolean identityProvider;
    private final LocalAccounts accounts;
    private final SessionTokens tokens;
    private final CurrentUser user;
    private final Template page;

    SignInResource(ConsoleConfig config, SessionTokens tokens, CurrentUser user, @Location("signin.html") Template page) {
        this.identityProvider = config.signsInThroughIdentityProvider();
        // with an identity provider, nobody signs in with a local account, even when some are configured
        this.accounts = LocalAccounts.parse(identityProvider ? List.of() : config.localAccounts().orElse(List.of()));
        this.tokens = tokens;
        this.user = user;
        this.page = page;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("next") String next) {
        Response.ResponseBuilder page = Response.ok(form(next, false, ""));
        return identityProvider ? page.cookie(goingTo(next)).build() : page.build();
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
                        .entity(form(next, true, handle == null ? "" : handle)).build());
    }

    /**
     * Where the identity provider sends a person back once signed in (the code flow itself is Quarkus OIDC's, on this
     * path only): on to the page they were going to.
     */
    @GET
    @Path("sign-in/oidc")
    public Response signedInThroughIdentityProvider(@CookieParam(NEXT_COOKIE) String goingTo) {
        String next = goingTo == null ? null : URLDecoder.decode(goingTo, StandardCharsets.UTF_8);
        if (!identityProvider || !user.signedIn()) {
            return Response.seeOther(URI.create("/sign-in?next=" + enc(safeNext(next)))).build();
        }
        return Response.seeOther(URI.create(safeNext(next))).cookie(new NewCookie.Builder(NEXT_COOKIE).value("")
                .path(IDENTITY_PROVIDER_SIGN_IN).maxAge(0).build()).build();
    }

    /**
     * The cookie that remembers, across the identity provider's sign-in, the page a person was going to (only paths of
     * this console; ten minutes).
     */
    public static NewCookie goingTo(String next) {
        return new NewCookie.Builder(NEXT_COOKIE).value(enc(safeNext(next))).path(IDENTITY_PROVIDER_SIGN_IN).maxAge(600)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        // through the identity provider: its sign-out ends the console's session and the one at the provider
        return Response.seeOther(URI.create(identityProvider ? IDENTITY_PROVIDER_SIGN_OUT : "/sign-in"))
                .cookie(session("", 0)).build();
    }

    /** Reached only when there was no session at the identity provider to end. */
    @GET
    @Path("sign-out/oidc")
    public Response signedOut() {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/today")).build();
    }

    /** Only a path of this console: never an open redirect to another site. */
    public static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/today";
    }

    private TemplateInstance form(String next, boolean failed, String handle) {
        return page.data("next", safeNext(next)).data("failed", failed).data("handle", handle)
                .data("identityProvider", identityProvider)
                .data("identityProviderSignIn", IDENTITY_PROVIDER_SIGN_IN)
                .data("localAccounts", !accounts.isEmpty());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static NewCookie session(String value, int maxAge) {
        return new NewCookie.Builder(SessionTokens.COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }
}
