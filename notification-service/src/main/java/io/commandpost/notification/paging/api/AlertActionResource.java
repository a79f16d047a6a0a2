package io.commandpost.notification.paging.api;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.paging.PersonActions;
import io.commandpost.notification.paging.PersonActions.Act;
import io.commandpost.platform.eventing.Outbox;
import io.commandpost.platform.http.RequestMetadata;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * People act on alerts: acknowledge, unacknowledge, resolve, add a note, escalate now. Each act is one person
 * event ({@code alert.acknowledged-by} …) published on the alerts topic keyed by dedup key through the outbox;
 * paging, the MRO queue and the handover's open items fold it with the shared lifecycle. 202: the act is
 * recorded and published; every view follows within moments.
 */
@Path("/v1/teams/{team}/alerts/{dedupKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class AlertActionResource {

    static final String VIA = "api";

    /** What an act recorded. */
    public record Recorded(UUID eventId, String eventType, String team, String dedupKey, String person, Instant at) {
    }

    public record NoteBody(String text) {
    }

    private final AlertLifecycles lifecycles;
    private final Outbox outbox;
    private final RequestMetadata request;
    private final Clock clock;

    AlertActionResource(AlertLifecycles lifecycles, Outbox outbox, RequestMetadata request, Clock clock) {
        this.lifecycles = lifecycles;
        this.outbox = outbox;
        this.request = request;
        this.clock = clock;
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "A person takes the alert: escalation stops until the acknowledgement times out")
    public Response acknowledge(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey,
                                @Context HttpHeaders headers) {
        return act(Act.ACKNOWLEDGE, team, dedupKey, headers, null);
    }

    @POST
    @Path("/unacknowledge")
    @Operation(summary = "A person gives the alert back: escalation resumes")
    public Response unacknowledge(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey,
                                  @Context HttpHeaders headers) {
        return act(Act.UNACKNOWLEDGE, team, dedupKey, headers, null);
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "A person closes the alert, whether or not the tool has")
    public Response resolve(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey,
                            @Context HttpHeaders headers) {
        return act(Act.RESOLVE, team, dedupKey, headers, null);
    }

    @POST
    @Path("/escalate")
    @Operation(summary = "A person pages the next escalation step now")
    public Response escalate(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey,
                             @Context HttpHeaders headers) {
        return act(Act.ESCALATE, team, dedupKey, headers, null);
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person writes a note on the alert")
    public Response note(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey,
                         @Context HttpHeaders headers, NoteBody body) {
        return act(Act.NOTE, team, dedupKey, headers, body == null ? null : body.text());
    }

    private Response act(Act act, String team, String dedupKey, HttpHeaders headers, String text) {
        String person = Actor.of(headers);
        Instant now = clock.instant();
        AlertState state = lifecycles.find(team, dedupKey).orElse(null);
        AlertEvent event = PersonActions.decide(act, team, dedupKey, state, person, VIA, text, UUID.randomUUID(), now);
        EventEnvelope published = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(List.of(event), request.metadata()).get(0));
        return Response.accepted(new Recorded(published.eventId(), published.eventType(), team, dedupKey, person.strip(),
                now)).build();
    }
}
