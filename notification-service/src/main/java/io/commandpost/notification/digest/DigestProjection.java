package io.commandpost.notification.digest;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.Topics;
import io.commandpost.platform.eventing.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Projection {@value #NAME} (rebuildable): each team's incidents and questions with when they arrived and closed,
 * and who rests on which day and why, for the 09:00 announcement. Every write is an upsert that merges what it
 * knows, so events of one item arriving in any order (opened after closed) give the same row, and a rebuild equals
 * the live rows. Alerts are not read here: the digest lists them from {@code alert_lifecycle}, the paging
 * consumer's fold of the same shared AlertLifecycle (view {@code digest_entry}, ADR 0035), so an alert costs
 * the digest nothing.
 */
@ApplicationScoped
public class DigestProjection implements Projection {

    public static final String NAME = "digest";

    private final AgroalDataSource dataSource;

    DigestProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Off the page path (the digest is read once a morning): applied in batches under load. */
    @Override
    public boolean mayWait() {
        return true;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.INCIDENTS, Topics.QUESTIONS, Topics.SHIFTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            DomainEvent e = event.get();
            if (e instanceof IncidentEvent.IncidentDeclared declared) {
                item(connection, declared.team(), DigestItem.INCIDENT, declared.incidentId().toString(),
                        declared.title(), declared.declaredAt(), null);
            } else if (e instanceof IncidentEvent.IncidentResolved resolved) {
                item(connection, resolved.team(), DigestItem.INCIDENT, resolved.incidentId().toString(), null, null,
                        resolved.resolvedAt());
            } else if (e instanceof QuestionEvent.QuestionAsked asked) {
                item(connection, asked.team(), DigestItem.QUESTION, asked.questionId().toString(), asked.text(),
                        asked.askedAt(), null);
            } else if (e instanceof QuestionEvent.QuestionAnswered answered) {
                item(connection, answered.team(), DigestItem.QUESTION, answered.questionId().toString(), null, null,
                        answered.answeredAt());
            } else if (e instanceof QuestionEvent.QuestionClosed closed) {
                item(connection, closed.team(), DigestItem.QUESTION, closed.questionId().toString(), null, null,
                        closed.closedAt());
            } else if (e instanceof QuestionEvent.QuestionTurnedIntoIncident turned) {
                item(connection, turned.team(), DigestItem.QUESTION, turned.questionId().toString(), null, null,
                        turned.turnedAt());
            } else if (e instanceof ShiftEvent.RestRuleApplied applied) {
                rest(connection, applied.teamId(), applied.day(), applied.skipped(), applied.covering(),
                        applied.reason());
            } else if (e instanceof ShiftEvent.TurnSkippedForLeave skipped) {
                rest(connection, skipped.teamId(), skipped.day(), skipped.skipped(), skipped.covering(), Rest.LEAVE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("digest projection failed at " + envelope.eventType(), e);
        }
    }

    @Override
    public void reset() {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("digest_item", "digest_rest")) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table)) {
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the digest projection", e);
        }
    }

    private static void item(Connection connection, String team, String kind, String id, String title,
                             Instant arrivedAt, Instant closedAt) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into digest_item (team, kind, item_id, title, arrived_at, closed_at) values (?, ?, ?, ?, ?, ?)
                on conflict (team, kind, item_id) do update set
                    title = coalesce(excluded.title, digest_item.title),
                    arrived_at = coalesce(excluded.arrived_at, digest_item.arrived_at),
                    closed_at = coalesce(excluded.closed_at, digest_item.closed_at)""")) {
            upsert.setString(1, team);
            upsert.setString(2, kind);
            upsert.setString(3, id);
            upsert.setString(4, title);
            upsert.setTimestamp(5, timestamp(arrivedAt));
            upsert.setTimestamp(6, timestamp(closedAt));
            upsert.executeUpdate();
        }
    }

    private static void rest(Connection connection, String team, LocalDate day, String member, String covering,
                             String reason) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into digest_rest (team, day, member, covering, reason) values (?, ?, ?, ?, ?)
                on conflict (team, day, member) do update set covering = excluded.covering,
                    reason = excluded.reason""")) {
            upsert.setString(1, team);
            upsert.setDate(2, Date.valueOf(day));
            upsert.setString(3, member);
            upsert.setString(4, covering);
            upsert.setString(5, reason == null ? "REST" : reason);
            upsert.executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
