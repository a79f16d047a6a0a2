package io.commandpost.platform.security;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Always the tenant of {@code quarkus.oidc.*} (a null answer means the default tenant). Its presence is what makes
 * a service start with neither {@code COMMANDPOST_OIDC_AUTH_SERVER_URL} nor {@code COMMANDPOST_OIDC_PUBLIC_KEY}
 * set: Quarkus then disables the unconfigured default tenant instead of refusing to start, and only service API
 * keys authenticate (ADR 0023).
 */
@ApplicationScoped
public class StaticTenantOnly implements TenantConfigResolver {

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        return Uni.createFrom().nullItem();
    }
}
