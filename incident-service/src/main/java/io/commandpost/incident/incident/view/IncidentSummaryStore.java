package io.commandpost.incident.incident.view;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The incident_summary table, by plain JDBC. */
@ApplicationScoped
public class IncidentSummaryStore {

    private static final String COLUMNS = "incident_id, team, title, severity, commander, declared_at, "
            + "impact_started_at, acknowledged_at, mitigated_at, resolved_at, version";

    private final AgroalDataSource dataSource;

    IncidentSummaryStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<IncidentSummary> findForUpdate(UUID incidentId) {
        return query("select " + COLUMNS + " from incident_summary where incident_id = ? for update", incidentId)
                .stream().findFirst();
    }

    /** A team's incidents, newest first; only the unresolved ones when {@code openOnly}. */
    public List<IncidentSummary> ofTeam(String team, boolean openOnly) {
        return query("select " + COLUMNS + " from incident_summary where team = ?"
                + (openOnly ? " and resolved_at is null" : "") + " order by declared_at desc, incident_id", team);
    }

    /** Every incident (for the metrics; a small table: incidents are rare). */
    public List<IncidentSummary> all() {
        return query("select " + COLUMNS + " from incident_summary order by incident_id");
    }

    public void save(IncidentSummary s) {
        String sql = "insert into incident_summary (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (incident_id) do update set team = excluded.team, title = excluded.title, "
                + "severity = excluded.severity, commander = excluded.commander, declared_at = excluded.declared_at, "
                + "impact_started_at = excluded.impact_started_at, acknowledged_at = excluded.acknowledged_at, "
                + "mitigated_at = excluded.mitigated_at, resolved_at = excluded.resolved_at, version = excluded.version";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, s.incidentId());
            statement.setString(2, s.team());
            statement.setString(3, s.title());
            statement.setString(4, s.severity().name());
            statement.setString(5, s.commander());
            statement.setTimestamp(6, timestamp(s.declaredAt()));
            statement.setTimestamp(7, timestamp(s.impactStartedAt()));
            statement.setTimestamp(8, timestamp(s.acknowledgedAt()));
            statement.setTimestamp(9, timestamp(s.mitigatedAt()));
            statement.setTimestamp(10, timestamp(s.resolvedAt()));
            statement.setLong(11, s.version());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save incident summary " + s.incidentId(), e);
        }
    }

    public void deleteAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from incident_summary")) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear incident_summary", e);
        }
    }

    private List<IncidentSummary> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<IncidentSummary> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new IncidentSummary(row.getObject("incident_id", UUID.class), row.getString("team"),
                            row.getString("title"), Severity.valueOf(row.getString("severity")),
                            row.getString("commander"), instant(row.getTimestamp("declared_at")),
                            instant(row.getTimestamp("impact_started_at")),
                            instant(row.getTimestamp("acknowledged_at")), instant(row.getTimestamp("mitigated_at")),
                            instant(row.getTimestamp("resolved_at")), row.getLong("version")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read incident summaries", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
