package io.commandpost.console.live;

import io.commandpost.console.services.Answer;
import io.commandpost.console.services.ServiceCredentials;
import io.commandpost.console.services.Services;
import io.commandpost.console.signin.CurrentUser;
import io.commandpost.console.config.ConsoleConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Server-sent events for an open view: the console asks the owning service every
 * {@code commandpost.console.live-poll-every} (2 s) for what the view shows and sends {@code changed} when the
 * answer differs from the last one; the page then fetches its fragment again (ADR 0024).
 */
@Path("/live")
@RolesAllowed({"viewer", "responder", "admin"})
public class LiveResource {

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;

    LiveResource(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
    }

    @GET
    @Path("/teams/{team}/queue")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> queue(@PathParam("team") String team, @Context Sse sse) {
        String auth = credentials.authorization(user);
        return changes(() -> services.get(auth, "/v1/teams/" + enc(team) + "/queue"), sse);
    }

    @GET
    @Path("/incidents/{id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> incident(@PathParam("id") String id, @Context Sse sse) {
        String auth = credentials.authorization(user);
        return changes(() -> {
            Answer incident = services.get(auth, "/v1/incidents/" + enc(id));
            Answer timeline = services.get(auth, "/v1/incidents/" + enc(id) + "/timeline");
            return new Answer(incident.status(), incident.body(), incident.text() + timeline.text());
        }, sse);
    }

    private Multi<OutboundSseEvent> changes(Supplier<Answer> read, Sse sse) {
        return Multi.createFrom().ticks().every(config.livePollEvery())
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().item(read)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(answer -> answer.status() + ":" + Objects.hashCode(answer.text()))
                .skip().repetitions()
                .map(version -> sse.newEventBuilder().name("changed").data(version).build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
