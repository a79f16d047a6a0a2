package io.commandpost.platform.security;

import io.commandpost.platform.http.Actors;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who is making the current request, taken from the credential and nothing else: a person's handle from their
 * token ({@code preferred_username}, else {@code sub}), a service API key's name, or the person a {@code service}
 * key acts for ({@link #via()} then names the key). Resources pass {@link #handle()} into commands as a value.
 */
@RequestScoped
public class Caller {

    public static final String KEY_ATTRIBUTE = Actors.KEY_ATTRIBUTE;
    public static final String VIA_ATTRIBUTE = Actors.VIA_ATTRIBUTE;

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The handle every action of this request is recorded under. */
    public String handle() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException("a credential is required");
        }
        return Actors.handleOf(identity);
    }

    /** The service key through which a person acts, when one does. */
    public Optional<String> via() {
        return Optional.ofNullable(identity.getAttribute(VIA_ATTRIBUTE));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
