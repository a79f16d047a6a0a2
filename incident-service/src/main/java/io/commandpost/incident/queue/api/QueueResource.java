package io.commandpost.incident.queue.api;

import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.MroQueue;
import io.commandpost.incident.queue.projection.QueueStore;
import io.commandpost.platform.http.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The MRO's work list: read side of the mro-queue projection. */
@Path("/v1/teams/{team}/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@Blocking
public class QueueResource {

    private final QueueStore store;

    QueueResource(QueueStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "A team's open queue",
            description = "Open items only: alerts before incidents before questions, then priority (P1 first), "
                    + "then openedAt, then id. An acknowledged alert stays open and in place (acknowledged: true). "
                    + "An unknown team has an empty queue.")
    public QueueResponse queue(@PathParam("team") String team) {
        return QueueResponse.of(MroQueue.of(team, store.openItems(team)));
    }

    @GET
    @Path("/{kind}/{id}")
    @Operation(summary = "One queue item, open or resolved",
            description = "kind is alert, incident or question; the id of an alert is its dedup key.")
    public QueueItemDetail item(@PathParam("team") String team, @PathParam("kind") String kind,
                                @PathParam("id") String id) {
        ItemKind itemKind = Arrays.stream(ItemKind.values())
                .filter(candidate -> candidate.name().equals(kind.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> notFound(team, kind, id));
        return store.find(new ItemKey(team, itemKind, id)).map(QueueItemDetail::of)
                .orElseThrow(() -> notFound(team, kind, id));
    }

    private static jakarta.ws.rs.WebApplicationException notFound(String team, String kind, String id) {
        return Problem.notFound("no " + kind + " '" + id + "' in the queue of team '" + team + "'").exception();
    }
}
