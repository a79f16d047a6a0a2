package io.commandpost.rotation.handover;

import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Decider;
import io.commandpost.rotation.shift.HandoffAggregate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A team's handovers, on its shift stream next to the shifts they hand over, ruled by
 * {@link HandoverDecider}; its timer reports an acceptance overdue once, at its deadline.
 */
@ApplicationScoped
public class HandoverAggregate implements Aggregate<HandoverCommand, HandoverLog, ShiftEvent> {

    public static final String NAME = "handover";

    private final HandoverSettings settings;

    HandoverAggregate(HandoverSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String streamType() {
        return HandoffAggregate.STREAM_TYPE;
    }

    @Override
    public Class<ShiftEvent> eventType() {
        return ShiftEvent.class;
    }

    @Override
    public Decider<HandoverCommand, HandoverLog, ShiftEvent> decider(String teamId) {
        return HandoverDecider.rules(settings.acceptWithin());
    }
}
