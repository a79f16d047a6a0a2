package io.commandpost.console.signin;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Always the tenant of {@code quarkus.oidc.*} (a null answer means the default tenant). Its presence is what lets the
 * console start without {@code COMMANDPOST_OIDC_AUTH_SERVER_URL}: Quarkus then disables the unconfigured default
 * tenant instead of refusing to start, and only the local accounts sign people in (as the services do, ADR 0023).
 */
@ApplicationScoped
public class LocalOnlyWithoutIdentityProvider implements TenantConfigResolver {

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        return Uni.createFrom().nullItem();
    }
}
