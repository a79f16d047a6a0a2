package io.commandpost.ingest.slack.command;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Runs incident commands in incident-service as the person who typed them: the services key (role
 * {@code service}) names them in {@code X-CommandPost-On-Behalf-Of}, and incident-service records the action as
 * theirs, via the key (ADR 0023).
 */
@ApplicationScoped
public class IncidentActions {

    private final IncidentClient incidents;

    IncidentActions(@RestClient IncidentClient incidents) {
        this.incidents = incidents;
    }

    public Outcome declare(String actor, String team, String title, String severity) {
        Map<String, Object> body = by(actor);
        body.put("team", team);
        body.put("title", title);
        if (severity != null) {
            body.put("severity", severity);
        }
        return Outcome.of(() -> incidents.declare(actor, body));
    }

    public Outcome handOff(String actor, UUID incidentId, String to) {
        Map<String, Object> body = by(actor);
        body.put("to", to);
        return Outcome.of(() -> incidents.handOff(actor, incidentId, body));
    }

    public Outcome delegate(String actor, UUID incidentId, String assignee, String title) {
        Map<String, Object> body = by(actor);
        body.put("assignee", assignee);
        body.put("title", title);
        return Outcome.of(() -> incidents.delegate(actor, incidentId, body));
    }

    public Outcome postUpdate(String actor, UUID incidentId, String text) {
        Map<String, Object> body = by(actor);
        body.put("audience", "INTERNAL");
        body.put("text", text);
        return Outcome.of(() -> incidents.postUpdate(actor, incidentId, body));
    }

    public Outcome resolve(String actor, UUID incidentId, String summary) {
        Map<String, Object> body = by(actor);
        if (summary != null) {
            body.put("summary", summary);
        }
        return Outcome.of(() -> incidents.resolve(actor, incidentId, body));
    }

    /** A new request body; who acts travels in the header, never the body. */
    private static Map<String, Object> by(String actor) {
        return new LinkedHashMap<>();
    }
}
