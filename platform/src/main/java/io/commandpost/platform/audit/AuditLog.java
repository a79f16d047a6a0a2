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
     * {@code actor}; a null filter does not filter. Besides the event store's events, the facts a person caused that
     * belong to no stream of this store (an alert acknowledged through this service, published through the outbox
     * with version 0) are listed: they name their team and carry the actor in their envelope.
     */
    public List<AuditEntry> find(String team, Instant since, String actor, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder stored = new StringBuilder("select e.envelope, e.occurred_at as at, e.global_position as position,"
                + " 0 as source from event_store e where e.occurred_at >= ?");
        parameters.add(Timestamp.from(since));
        if (team != null) {
            stored.append(" and (e.stream_type, e.stream_id) in (select stream_type, stream_id from event_store"
                    + " where ").append(TEAM_OF).append(" = ?)");
            parameters.add(team);
        }
        if (actor != null) {
            stored.append(" and (e.envelope->>'actor' = ? or (e.envelope->>'actor' is null and exists (select 1 from"
                    + " jsonb_each_text(e.envelope->'data') f where (f.key = 'by' or f.key like '%By') and f.value = ?)))");
            parameters.add(actor);
            parameters.add(actor);
        }
        StringBuilder announced = new StringBuilder("select o.envelope::jsonb, o.created_at, o.id, 1 from outbox o"
                + " where o.created_at >= ? and o.envelope::jsonb->>'aggregateVersion' = '0'"
                + " and o.envelope::jsonb->>'actor' is not null");
        parameters.add(Timestamp.from(since));
        if (team != null) {
            announced.append(" and coalesce(o.envelope::jsonb->'data'->>'team', o.envelope::jsonb->'data'->>'teamId') = ?");
            parameters.add(team);
        }
        if (actor != null) {
            announced.append(" and o.envelope::jsonb->>'actor' = ?");
            parameters.add(actor);
        }
        String sql = "select envelope::text from (" + stored + " union all " + announced + ") audit"
                + " order by at desc, source, position desc limit ?";
        parameters.add(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
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
