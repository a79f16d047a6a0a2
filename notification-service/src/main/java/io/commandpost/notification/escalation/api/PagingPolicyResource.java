package io.commandpost.notification.escalation.api;

import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.commandpost.notification.escalation.PagingPolicies;
import io.commandpost.notification.escalation.PagingPolicy;
import io.commandpost.platform.audit.ConfigurationAudit;
import io.commandpost.platform.domain.InvalidCommandException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A team's paging policy: escalation steps (delay in minutes, targets), repeat count, acknowledgement
 * timeout, flood window. A team that set none follows the default, which GET shows.
 */
@Path("/v1/teams/{team}/paging-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class PagingPolicyResource {

    /** What GET answers: the policy and whether it is the default. */
    public record View(String team, boolean isDefault, PagingPolicies.Stored policy) {
    }

    private final PagingPolicies policies;
    private final Clock clock;
    private final ConfigurationAudit audit;

    PagingPolicyResource(PagingPolicies policies, Clock clock, ConfigurationAudit audit) {
        this.policies = policies;
        this.clock = clock;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The team's paging policy (the default when none was set)")
    public View get(@PathParam("team") String team) {
        return policies.find(team).map(stored -> new View(team, false, stored))
                .orElseGet(() -> new View(team, true, PagingPolicies.stored(PagingPolicy.defaults())));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the team's paging policy; alerts already escalating follow it from their next step")
    public View put(@PathParam("team") String team, PagingPolicies.Stored body) {
        if (body == null) {
            throw new InvalidCommandException("steps", "send a policy: {\"steps\":[{\"delayMinutes\":10,"
                    + "\"targets\":[\"on-duty\"]}],\"repeat\":1,\"ackTimeoutMinutes\":30,\"floodWindowSeconds\":60}");
        }
        try {
            PagingPolicies.policy(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("steps", e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            policies.save(team, body, clock.instant());
            audit.record(team, "paging-policy", team, "updated", summary(body));
        });
        return new View(team, false, body);
    }

    /** The policy as the audit shows it: each step's delay and targets, repeat, acknowledgement timeout, flood window. */
    static String summary(PagingPolicies.Stored policy) {
        String steps = policy.steps() == null ? "no steps" : policy.steps().stream()
                .map(step -> "after " + step.delayMinutes() + " min "
                        + (step.targets() == null ? "nobody" : String.join(", ", step.targets())))
                .collect(Collectors.joining("; "));
        return "escalation: " + steps + "; repeat " + policy.repeat()
                + (policy.ackTimeoutMinutes() == null ? "" : "; ack timeout " + policy.ackTimeoutMinutes() + " min")
                + (policy.floodWindowSeconds() == null ? "" : "; flood window " + policy.floodWindowSeconds() + " s");
    }
}
