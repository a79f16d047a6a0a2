package io.commandpost.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit straight from this service's event store: every event is a fact with its time, and its
 * envelope names who asked for it. Newest first.
 */
@ApplicationScoped
public class AuditLog {

    /** Text fields of an event's data that name a team. */
    private static final String TEAM_OF = "coalesce(envelope->'data'->>'team', envelope->'data'->>'teamId')";

    private final AgroalDataSource dataSource;

    AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Events since {@code since}, of streams that belong to {@code team} (any of their events names it), done by
     * {@code actor}; a null filter does not filter.
     */
    public List<AuditEntry> find(String team, Instant since, String actor, int limit) {
        StringBuilder sql = new StringBuilder("select envelope::text from event_store e where occurred_at >= ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.from(since));
        if (team != null) {
            sql.append(" and (e.stream_type, e.stream_id) in (select stream_type, stream_id from event_store"
                    + " where ").append(TEAM_OF).append(" = ?)");
            parameters.add(team);
        }
        if (actor != null) {
            sql.append(" and (envelope->>'actor' = ? or (envelope->>'actor' is null and exists (select 1 from"
                    + " jsonb_each_text(envelope->'data') f where (f.key = 'by' or f.key like '%By') and f.value = ?)))");
            parameters.add(actor);
            parameters.add(actor);
        }
        sql.append(" order by global_position desc limit ?");
        parameters.add(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(AuditEntry.of(EventJson.fromBytes(rows.getString(1).getBytes(StandardCharsets.UTF_8))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit", e);
        }
    }
}
