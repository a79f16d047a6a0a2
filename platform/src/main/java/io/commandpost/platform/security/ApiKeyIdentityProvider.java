package io.commandpost.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The identity of a service API key: named after the key, with its role and the roles that role includes.
 * A {@code service} key naming a person acts as that person, {@code via} the key.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        ApiKey key = request.key();
        String onBehalfOf = request.onBehalfOf() == null || request.onBehalfOf().isBlank()
                ? null : request.onBehalfOf().trim();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .addRoles(Roles.implied(key.role()))
                .addAttribute(Caller.KEY_ATTRIBUTE, key.name());
        if (onBehalfOf != null && Roles.SERVICE.equals(key.role())) {
            identity.setPrincipal(new QuarkusPrincipal(onBehalfOf)).addAttribute(Caller.VIA_ATTRIBUTE, key.name());
        } else {
            identity.setPrincipal(new QuarkusPrincipal(key.name()));
        }
        return Uni.createFrom().item(identity.build());
    }
}
