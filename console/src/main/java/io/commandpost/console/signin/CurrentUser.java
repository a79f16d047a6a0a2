package io.commandpost.console.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, taken from the verified credential (never from a form field): the local session's JWT, or the
 * ID token of a sign-in through the company's identity provider.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The member's handle; not signed in: {@link UnauthorizedException} (the pages send people to sign in). */
    public String handle() {
        return token().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean may(String role) {
        return identity.hasRole(role) || identity.hasRole("admin");
    }

    /**
     * The credential the services get for this person: the identity provider's access token after a sign-in through
     * it, else the local session's own token.
     */
    public String rawToken() {
        AccessTokenCredential accessToken = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return accessToken != null ? accessToken.getToken() : token().getRawToken();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    private JsonWebToken token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException("sign in first");
        }
        return jwt;
    }
}
