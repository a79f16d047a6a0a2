package io.commandpost.platform.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The handle an authenticated identity acts under; the one rule shared by {@code Caller} and event metadata. */
public final class Actors {

    /** Identity attribute: the name of the API key that authenticated the request. */
    public static final String KEY_ATTRIBUTE = "commandpost.api-key";
    /** Identity attribute: the name of the {@code service} key through which a person acts. */
    public static final String VIA_ATTRIBUTE = "commandpost.via";

    private Actors() {
    }

    /** A person's token: {@code preferred_username}, else {@code sub}; an API key: its name (or its person). */
    public static String handleOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object preferred = token.getClaim("preferred_username");
            if (preferred != null && !preferred.toString().isBlank()) {
                return preferred.toString();
            }
            if (token.getSubject() != null) {
                return token.getSubject();
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The identity this request was authenticated as, or null when none was (yet) established. */
    public static SecurityIdentity identityOf(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }
}
