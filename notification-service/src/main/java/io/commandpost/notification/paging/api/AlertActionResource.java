package io.commandpost.notification.paging.api;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.paging.PersonActions;
import io.commandpost.notification.paging.PersonActions.Act;
import io.commandpost.platform.eventing.Outbox;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.platform.security.Caller;
import io.commandpost.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * recorded and published; every view follows within moments. The person is the caller (their token, or the
 * person a service key acts for, then {@code via} that key); responders only.
 */
@Path("/v1/teams/{team}/alerts/{dedupKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
@RolesAllowed(Roles.RESPONDER)
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
    private final Caller caller;

    AlertActionResource(AlertLifecycles lifecycles, Outbox outbox, RequestMetadata request, Clock clock,
                        Caller caller) {
        this.lifecycles = lifecycles;
        this.outbox = outbox;
        this.request = request;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "A person takes the alert: escalation stops until the acknowledgement times out")
    public Response acknowledge(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey) {
        return act(Act.ACKNOWLEDGE, team, dedupKey, null);
    }

    @POST
    @Path("/unacknowledge")
    @Operation(summary = "A person gives the alert back: escalation resumes")
    public Response unacknowledge(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey) {
        return act(Act.UNACKNOWLEDGE, team, dedupKey, null);
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "A person closes the alert, whether or not the tool has")
    public Response resolve(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey) {
        return act(Act.RESOLVE, team, dedupKey, null);
    }

    @POST
    @Path("/escalate")
    @Operation(summary = "A person pages the next escalation step now")
    public Response escalate(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey) {
        return act(Act.ESCALATE, team, dedupKey, null);
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person writes a note on the alert")
    public Response note(@PathParam("team") String team, @PathParam("dedupKey") String dedupKey, NoteBody body) {
        return act(Act.NOTE, team, dedupKey, body == null ? null : body.text());
    }

    private Response act(Act act, String team, String dedupKey, String text) {
        String person = caller.handle();
        String via = caller.via().orElse(VIA);
        Instant now = clock.instant();
        AlertState state = lifecycles.find(team, dedupKey).orElse(null);
        AlertEvent event = PersonActions.decide(act, team, dedupKey, state, person, via, text, UUID.randomUUID(), now);
        EventEnvelope published = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(List.of(event), request.metadata()).get(0));
        return Response.accepted(new Recorded(published.eventId(), published.eventType(), team, dedupKey, person.strip(),
                now)).build();
    }
}
