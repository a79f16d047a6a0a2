package io.commandpost.platform.eventing;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Rows the relay will publish; written in the same transaction as the state change they announce. */
final class Outbox {

    private Outbox() {
    }

    static void insert(Connection connection, List<EventEnvelope> envelopes, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into outbox (event_id, topic, record_key, envelope, created_at) values (?, ?, ?, ?, ?)")) {
            for (EventEnvelope envelope : envelopes) {
                insert.setObject(1, envelope.eventId());
                insert.setString(2, envelope.topic());
                insert.setString(3, envelope.aggregateId());
                insert.setString(4, EventJson.toJson(envelope));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
