package io.commandpost.platform.eventing;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * A consumer for {@link ConsumerBatchIT}: records each alert of a "batch-" team it applies in its own
 * table (in the consumer's transaction, so a rolled-back batch leaves no row) and fails for good on an
 * alert whose dedup key is "poison"; records each alert of a "prompt-" team with the id of the transaction that
 * applied it. It does not wait: it is on the page path. Runs only where consumers are enabled.
 */
@ApplicationScoped
public class BatchProbeConsumer implements EventConsumer {

    static final String TABLE = "create table if not exists batch_probe (event_id uuid not null, team text not null)";
    /** Which transaction applied each alert of a "prompt-" team. */
    static final String PROMPT_TABLE = "create table if not exists prompt_probe (event_id uuid not null, "
            + "team text not null, tx bigint not null)";

    private final AgroalDataSource dataSource;

    BatchProbeConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "batch-probe";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ALERTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        if (!(envelope.event().orElse(null) instanceof AlertEvent.AlertReceived alert)) {
            return;
        }
        if (alert.team().startsWith("prompt-")) {
            insert("insert into prompt_probe (event_id, team, tx) values (?, ?, txid_current())", envelope, alert);
            return;
        }
        if (!alert.team().startsWith("batch-")) {
            return;
        }
        if (alert.dedupKey().equals("poison")) {
            throw new IllegalStateException("this alert can never be applied");
        }
        insert("insert into batch_probe (event_id, team) values (?, ?)", envelope, alert);
    }

    private void insert(String sql, EventEnvelope envelope, AlertEvent.AlertReceived alert) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, envelope.eventId());
            insert.setString(2, alert.team());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
