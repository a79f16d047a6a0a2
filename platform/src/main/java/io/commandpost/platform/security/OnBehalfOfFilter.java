package io.commandpost.platform.security;

import io.commandpost.platform.http.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Only a {@code service} API key may name the person it acts for: anyone else sending
 * {@value Roles#ON_BEHALF_OF} is refused with 403 (a request without a credential is left to the 401 of the
 * endpoint's role check).
 */
public class OnBehalfOfFilter {

    private final CurrentIdentityAssociation identities;

    OnBehalfOfFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> refuseOnBehalfOfFromOthers(ContainerRequestContext request) {
        if (request.getHeaderString(Roles.ON_BEHALF_OF) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null || identity.isAnonymous() || identity.getAttribute(Caller.VIA_ATTRIBUTE) != null) {
                return null;
            }
            return Problem.of(403, "Forbidden", "only a service API key may act on behalf of someone ("
                    + Roles.ON_BEHALF_OF + ")").toResponse();
        });
    }
}
