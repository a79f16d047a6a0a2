package io.commandpost.notification.escalation;

import io.commandpost.events.PagingEvent;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Decider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The paging aggregate: one stream per team and dedup key in notification-service's event store, ruled by
 * {@link EscalationDecider} with the team's policy as it is at each decision; its timers are the platform's.
 */
@ApplicationScoped
public class PagingAggregate implements Aggregate<EscalationCommand, Escalation, PagingEvent> {

    public static final String STREAM_TYPE = "paging";

    private final PagingPolicies policies;

    PagingAggregate(PagingPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public Class<PagingEvent> eventType() {
        return PagingEvent.class;
    }

    @Override
    public Decider<EscalationCommand, Escalation, PagingEvent> decider(String streamId) {
        String team = streamId.substring(0, streamId.indexOf('/'));
        return new EscalationDecider(policies.of(team).escalation());
    }
}
