package io.commandpost.rotation.shift;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.rotation.plan.RotationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Starts the shifts a team's plan says are due, in the caller's transaction. */
@ApplicationScoped
public class Handoffs {

    private final ShiftRepository shifts;
    private final HandoffSettings settings;

    Handoffs(ShiftRepository shifts, HandoffSettings settings) {
        this.shifts = shifts;
        this.settings = settings;
    }

    /** @return the stored ShiftStarted envelopes; empty when nothing was due */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> startDueShifts(RotationConfig config, Instant now, EventMetadata metadata) {
        ShiftHistory history = shifts.load(config.teamId());
        List<ShiftEvent.ShiftStarted> due = HandoffDecider.due(config, history, now, settings.lateAfter());
        return shifts.append(config.teamId(), history, due, metadata);
    }
}
