package io.commandpost.platform.eventing;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventTypes;
import io.commandpost.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * A consumer for {@link ConsumerBatchIT} that may wait and accepts only {@code alert.received}: records each
 * alert of a "gather-" team it applies with the id of the transaction that applied it.
 */
@ApplicationScoped
public class GatherProbeConsumer implements EventConsumer {

    static final String NAME = "gather-probe";
    static final String TABLE = "create table if not exists gather_probe (event_id uuid not null, team text not null, "
            + "tx bigint not null)";
    private static final String RECEIVED = EventTypes.of(AlertEvent.AlertReceived.class).name();

    private final AgroalDataSource dataSource;

    GatherProbeConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ALERTS);
    }

    @Override
    public boolean accepts(String eventType) {
        return RECEIVED.equals(eventType);
    }

    @Override
    public boolean mayWait() {
        return true;
    }

    @Override
    public void handle(EventEnvelope envelope) {
        if (!(envelope.event().orElse(null) instanceof AlertEvent.AlertReceived alert) || !alert.team().startsWith("gather-")) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into gather_probe (event_id, team, tx) values (?, ?, txid_current())")) {
            insert.setObject(1, envelope.eventId());
            insert.setString(2, alert.team());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
