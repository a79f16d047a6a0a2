package io.commandpost.incident.incident.api;

import io.commandpost.incident.incident.view.IncidentSummary;
import io.commandpost.incident.incident.view.IncidentSummaryStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's incidents, from the incidents projection. */
@Path("/v1/teams/{team}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
@Blocking
public class TeamIncidentsResource {

    /** One line of the list. */
    public record Line(UUID incidentId, String title, String severity, String status, String commander,
                       Instant declaredAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt) {

        static Line of(IncidentSummary s) {
            return new Line(s.incidentId(), s.title(), s.severity().name(), s.status(), s.commander(), s.declaredAt(),
                    s.acknowledgedAt(), s.mitigatedAt(), s.resolvedAt());
        }
    }

    private final IncidentSummaryStore store;

    TeamIncidentsResource(IncidentSummaryStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "A team's incidents, newest first (open=true: only those not resolved)")
    public List<Line> list(@PathParam("team") String team, @QueryParam("open") @DefaultValue("false") boolean open) {
        return store.ofTeam(team, open).stream().map(Line::of).toList();
    }
}
