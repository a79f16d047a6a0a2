package io.commandpost.platform.audit;

import io.commandpost.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A setting kept as a row, changed on a person's request as the services' settings resources do. */
@Path("/test/settings/{team}")
@Blocking
public class ConfigProbeResource {

    private final ConfigurationAudit audit;

    ConfigProbeResource(ConfigurationAudit audit) {
        this.audit = audit;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public void change(@PathParam("team") String team) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(team, "paging-policy", team, "updated",
                "flood window 60 s → 120 s"));
    }
}
