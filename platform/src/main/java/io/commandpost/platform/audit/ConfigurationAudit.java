package io.commandpost.platform.audit;

import io.commandpost.events.ConfigEvent;
import io.commandpost.events.EventTypes;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.http.RequestMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Records a change of a setting that a service keeps as a row (an integration, a paging policy, contact methods,
 * channels, Slack settings) as a {@code config.changed} event in the service's own event store, in the transaction
 * that changes the row, so the service's {@code GET /v1/audit} shows who changed what and when. The caller writes
 * the summary and keeps secrets out of it.
 */
@ApplicationScoped
public class ConfigurationAudit {

    static final String STREAM_TYPE = EventTypes.of(ConfigEvent.ConfigurationChanged.class).aggregateType();

    private final EventStore store;
    private final RequestMetadata request;
    private final Clock clock;

    ConfigurationAudit(EventStore store, RequestMetadata request, Clock clock) {
        this.store = store;
        this.request = request;
        this.clock = clock;
    }

    /**
     * Records one change made by the current request's caller.
     *
     * @param team    the team of the setting, or null
     * @param what    the kind of setting ({@code integration}, {@code paging-policy}, ...)
     * @param key     which one (an integration id, a team, {@code team/handle}, ...)
     * @param change  {@code created}, {@code updated}, {@code token-rotated}, {@code revoked}, {@code deleted}
     * @param summary the change as people read it, without secrets
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConfigEvent.ConfigurationChanged record(String team, String what, String key, String change,
                                                   String summary) {
        EventMetadata metadata = request.metadata();
        ConfigEvent.ConfigurationChanged event = new ConfigEvent.ConfigurationChanged(UUID.randomUUID(), team, what,
                key, change, summary, metadata.actor(), clock.instant());
        store.append(STREAM_TYPE, event.aggregateId(), 0, List.of(event), metadata);
        return event;
    }
}
