package io.commandpost.incident.directory.api;

import io.commandpost.incident.directory.Expert;
import io.commandpost.incident.directory.Experts;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's members with a skill, from the team directory projection. */
@Path("/v1/teams/{team}/experts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
@Blocking
public class ExpertsResource {

    private final Experts experts;

    ExpertsResource(Experts experts) {
        this.experts = experts;
    }

    @GET
    @Operation(summary = "A team's members with a skill (?skill=postgres, any case), those on duty first",
            description = "From the team directory (members and skills on commandpost.teams.v1, shifts on "
                    + "commandpost.shifts.v1). onDuty lists the duties each holds right now. 400 without skill.")
    public List<Expert> list(@PathParam("team") String team, @QueryParam("skill") String skill) {
        return experts.suggest(skill, team, false, Set.of());
    }
}
