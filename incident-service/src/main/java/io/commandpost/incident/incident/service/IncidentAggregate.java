package io.commandpost.incident.incident.service;

import io.commandpost.events.IncidentEvent;
import io.commandpost.incident.incident.Incident;
import io.commandpost.incident.incident.IncidentCommand;
import io.commandpost.incident.incident.IncidentDecider;
import io.commandpost.incident.incident.config.IncidentSettings;
import io.commandpost.incident.incident.store.IncidentRepository;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Decider;
import jakarta.enterprise.context.ApplicationScoped;

/** Incidents for the platform's command handler and timer worker: stream type {@code incident}. */
@ApplicationScoped
public class IncidentAggregate implements Aggregate<IncidentCommand, Incident, IncidentEvent> {

    public static final String STREAM_TYPE = IncidentRepository.STREAM_TYPE;

    private final IncidentDecider decider;

    IncidentAggregate(IncidentSettings settings) {
        this.decider = new IncidentDecider(settings.policy());
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public Class<IncidentEvent> eventType() {
        return IncidentEvent.class;
    }

    @Override
    public Decider<IncidentCommand, Incident, IncidentEvent> decider(String streamId) {
        return decider;
    }

    public IncidentDecider rules() {
        return decider;
    }
}
