package io.commandpost.notification.escalation;

import io.commandpost.events.FloodEvent;
import io.commandpost.notification.flood.FloodCommand;
import io.commandpost.notification.flood.FloodDecider;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Decider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Flood control of one person's channel as an aggregate (stream {@code <team>/<person>/<channel>}), with the
 * team's flood window as it is at each decision; its follow-ups are platform durable timers.
 */
@ApplicationScoped
public class FloodAggregate implements Aggregate<FloodCommand, FloodDecider.Window, FloodEvent> {

    private final PagingPolicies policies;

    FloodAggregate(PagingPolicies policies) {
        this.policies = policies;
    }

    @Override
    public String streamType() {
        return "flood";
    }

    @Override
    public Class<FloodEvent> eventType() {
        return FloodEvent.class;
    }

    @Override
    public Decider<FloodCommand, FloodDecider.Window, FloodEvent> decider(String streamId) {
        return new FloodDecider(window(streamId));
    }

    /**
     * A person's flood stream grows by an event per alert and is never closed: folding only its new events (the
     * platform's fold cache) keeps each decision's cost flat. The fold depends on the team's window, hence the key.
     */
    @Override
    public Object foldKey(String streamId) {
        return window(streamId);
    }

    private java.time.Duration window(String streamId) {
        return policies.of(streamId.substring(0, streamId.indexOf('/'))).floodWindow();
    }
}
