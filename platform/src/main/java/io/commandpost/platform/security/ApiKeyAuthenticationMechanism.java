package io.commandpost.platform.security;

import io.commandpost.platform.http.ApiKeyFilter;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * A bearer token that is one of the configured service API keys becomes that key's identity. Any other bearer
 * token is left to the OIDC mechanism, which verifies it as a person's JWT. Runs before OIDC.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final ApiKeys keys;

    ApiKeyAuthenticationMechanism(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = ApiKeyFilter.bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        return keys.find(token)
                .map(key -> identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new ApiKeyAuthenticationRequest(key, context.request().getHeader(Roles.ON_BEHALF_OF)),
                        context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                "Bearer realm=\"commandpost\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    /** Before the OIDC mechanism (default priority), so that a key never reaches JWT parsing. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
