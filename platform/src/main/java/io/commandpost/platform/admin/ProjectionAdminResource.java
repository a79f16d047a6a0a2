package io.commandpost.platform.admin;

import io.commandpost.platform.eventing.ProjectionRebuilder;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoints to list and rebuild this service's projections (see docs/runbooks). */
@Path("/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class ProjectionAdminResource {

    private final ProjectionRebuilder rebuilder;

    ProjectionAdminResource(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @GET
    @Operation(summary = "Names of the projections this service can rebuild")
    public List<String> list() {
        return rebuilder.names();
    }

    @POST
    @Path("/{name}/rebuild")
    @Operation(summary = "Drop a projection and rebuild it from its topics")
    public ProjectionRebuilder.Result rebuild(@PathParam("name") String name) {
        return rebuilder.find(name).map(rebuilder::rebuild)
                .orElseThrow(() -> Problem.notFound("no projection named '" + name + "'").exception());
    }
}
