package io.commandpost.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is making the current request, taken from the credential and nothing else: a person's handle from their
 * token ({@code preferred_username}, else {@code sub}), a service API key's name, or the person a {@code service}
 * key acts for ({@link #via()} then names the key). Resources pass {@link #handle()} into commands as a value.
 */
@RequestScoped
public class Caller {

    /** Identity attribute: the name of the API key that authenticated the request. */
    public static final String KEY_ATTRIBUTE = "commandpost.api-key";
    /** Identity attribute: the name of the {@code service} key acting for the person. */
    public static final String VIA_ATTRIBUTE = "commandpost.via";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The handle every action of this request is recorded under. */
    public String handle() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException("a credential is required");
        }
        return handleOf(identity);
    }

    /** The service key through which a person acts, when one does. */
    public Optional<String> via() {
        return Optional.ofNullable(identity.getAttribute(VIA_ATTRIBUTE));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    static String handleOf(SecurityIdentity identity) {
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
}
