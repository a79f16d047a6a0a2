package io.commandpost.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventJson;
import io.commandpost.notification.oncall.Recipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The notification table: the worker's delivery queue and the history of every kind of delivery. */
@ApplicationScoped
public class Notifications {

    private static final String COLUMNS = """
            notification_id, kind, team, recipient_handle, recipient_name, recipient_email, recipient_slack, channel,
            subject_type, subject_id, alert::text, subject::text, message, triggered_by, correlation_id, status,
            attempts, next_attempt_at, resolve_until, last_error, created_at, last_attempt_at, completed_at,
            (select m.provider_channel from delivery_provider_message m
                where m.notification_id = notification.notification_id) as provider_channel,
            (select m.provider_message_id from delivery_provider_message m
                where m.notification_id = notification.notification_id) as provider_message_id""";

    private final AgroalDataSource dataSource;
    private final Event<DeliveryQueued> queued;

    Notifications(AgroalDataSource dataSource, Event<DeliveryQueued> queued) {
        this.dataSource = dataSource;
        this.queued = queued;
    }

    /**
     * Stores a new notification; false when one with the same id exists (a replayed source event). Once
     * the caller's transaction commits, the delivery worker of its lane is woken ({@link DeliveryQueued}).
     */
    public boolean insert(Notification n) {
        Recipient r = n.recipient();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into notification (notification_id, kind, team, recipient_handle, recipient_name,
                         recipient_email, recipient_slack, channel, subject_type, subject_id, alert, subject, message,
                         triggered_by, correlation_id, status, attempts, next_attempt_at, resolve_until, last_error,
                         created_at, last_attempt_at, completed_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (notification_id) do nothing""")) {
            insert.setObject(1, n.notificationId());
            insert.setString(2, n.kind().name());
            insert.setString(3, n.team());
            insert.setString(4, r == null ? null : r.handle());
            insert.setString(5, r == null ? null : r.displayName());
            insert.setString(6, r == null ? null : r.email());
            insert.setString(7, r == null ? null : r.slackUserId());
            insert.setString(8, n.channel());
            insert.setString(9, n.subjectType());
            insert.setString(10, n.subjectId());
            insert.setString(11, n.alert() == null ? null : EventJson.mapper().writeValueAsString(n.alert()));
            insert.setString(12, n.subject() == null ? null : EventJson.mapper().writeValueAsString(n.subject()));
            insert.setString(13, n.message());
            insert.setObject(14, n.triggeredBy());
            insert.setObject(15, n.correlationId());
            insert.setString(16, n.status().name());
            insert.setInt(17, n.attempts());
            insert.setTimestamp(18, timestamp(n.nextAttemptAt()));
            insert.setTimestamp(19, timestamp(n.resolveUntil()));
            insert.setString(20, n.lastError());
            insert.setTimestamp(21, timestamp(n.createdAt()));
            insert.setTimestamp(22, timestamp(n.lastAttemptAt()));
            insert.setTimestamp(23, timestamp(n.completedAt()));
            boolean inserted = insert.executeUpdate() == 1;
            if (inserted && n.status() == DeliveryStatus.PENDING) {
                queued.fire(new DeliveryQueued(n.kind(), n.createdAt()));
            }
            return inserted;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store notification " + n.notificationId(), e);
        }
    }

    /**
     * Locks the next due PENDING notification for the current transaction. Rows another worker (or
     * replica) holds are skipped, so each attempt is made by exactly one of them.
     */
    public Optional<Notification> claimNextDue(Instant now) {
        return one("select " + COLUMNS + " " + """
                from notification where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, notification_id limit 1 for update skip locked""",
                statement -> statement.setTimestamp(1, Timestamp.from(now)));
    }

    /**
     * Like {@link #claimNextDue(Instant)}, for one delivery lane: only these kinds, and none addressed to
     * a busy recipient (one with as many deliveries in flight as a person may have, so a slow receiver for
     * one person holds a few workers, not all of them).
     */
    public Optional<Notification> claimNextDue(Instant now, Set<DeliveryKind> kinds, Collection<String> busyRecipients) {
        return one("select " + COLUMNS + " " + """
                from notification where status = 'PENDING' and next_attempt_at <= ? and kind = any(?)
                    and (recipient_handle is null or not (recipient_handle = any(?)))
                order by next_attempt_at, notification_id limit 1 for update skip locked""",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    bindLane(statement, 2, kinds, busyRecipients);
                });
    }

    /**
     * When the next PENDING delivery of a lane falls due (it may be past), not counting busy recipients
     * nor rows a worker holds right now (skip locked: a delivery in flight on another replica is not due).
     */
    public Optional<Instant> nextDueAt(Set<DeliveryKind> kinds, Collection<String> busyRecipients) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select next_attempt_at from notification where status = 'PENDING' and kind = any(?)
                         and (recipient_handle is null or not (recipient_handle = any(?)))
                     order by next_attempt_at limit 1 for update skip locked""")) {
            bindLane(select, 1, kinds, busyRecipients);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the next due delivery", e);
        }
    }

    private static void bindLane(PreparedStatement statement, int first, Set<DeliveryKind> kinds,
                                 Collection<String> busyRecipients) throws SQLException {
        Connection connection = statement.getConnection();
        statement.setArray(first, connection.createArrayOf("text", kinds.stream().map(Enum::name).toArray()));
        statement.setArray(first + 1, connection.createArrayOf("text", busyRecipients.toArray()));
    }

    public Optional<Notification> find(UUID notificationId) {
        return one("select " + COLUMNS + " from notification where notification_id = ?",
                statement -> statement.setObject(1, notificationId));
    }

    /** A team's notifications (of one kind, or all kinds when empty), newest first. */
    public List<Notification> byTeam(String team, Optional<DeliveryKind> kind, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " " + """
                     from notification where team = ? and (cast(? as text) is null or kind = ?)
                     order by created_at desc, notification_id desc limit ?""")) {
            String kindName = kind.map(Enum::name).orElse(null);
            select.setString(1, team);
            select.setString(2, kindName);
            select.setString(3, kindName);
            select.setInt(4, limit);
            List<Notification> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list notifications of " + team, e);
        }
    }

    /** Fixes the recipient and text before the first attempt, so every retry sends the same. */
    public void resolve(UUID notificationId, Recipient recipient, String message) {
        update("""
                update notification set recipient_handle = ?, recipient_name = ?, recipient_email = ?,
                    recipient_slack = ?, message = ?, resolve_until = null where notification_id = ?""", notificationId,
                statement -> {
                    statement.setString(1, recipient == null ? null : recipient.handle());
                    statement.setString(2, recipient == null ? null : recipient.displayName());
                    statement.setString(3, recipient == null ? null : recipient.email());
                    statement.setString(4, recipient == null ? null : recipient.slackUserId());
                    statement.setString(5, message);
                    statement.setObject(6, notificationId);
                });
    }

    /** An unresolved delivery looks again at {@code next}; no attempt is counted. */
    public void deferUntil(UUID notificationId, Instant next) {
        update("update notification set next_attempt_at = ? where notification_id = ?", notificationId,
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(next));
                    statement.setObject(2, notificationId);
                });
    }

    public void markSent(UUID notificationId, int attempts, Instant at) {
        markSent(notificationId, attempts, at, null, null);
    }

    /** Sent; the provider's ids of the message are kept (unless null: what was kept before stays). */
    public void markSent(UUID notificationId, int attempts, Instant at, String providerChannel,
                         String providerMessageId) {
        update("""
                update notification set status = 'SENT', attempts = ?, last_attempt_at = ?, completed_at = ?,
                    next_attempt_at = null, last_error = null where notification_id = ?""",
                notificationId, statement -> {
                    statement.setInt(1, attempts);
                    statement.setTimestamp(2, Timestamp.from(at));
                    statement.setTimestamp(3, Timestamp.from(at));
                    statement.setObject(4, notificationId);
                });
        if (providerMessageId != null) {
            keepProviderMessage(notificationId, providerChannel, providerMessageId, at);
        }
    }

    /**
     * Keeps what the provider answered at once, in its own committed transaction (not the one holding the row):
     * if the outcome's commit is lost, the retry finds the message and does not send it again.
     */
    public void recordProviderMessage(UUID notificationId, String providerChannel, String providerMessageId,
                                      Instant at) {
        QuarkusTransaction.requiringNew().run(() ->
                keepProviderMessage(notificationId, providerChannel, providerMessageId, at));
    }

    private void keepProviderMessage(UUID notificationId, String providerChannel, String providerMessageId,
                                     Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into delivery_provider_message (notification_id, provider_channel, provider_message_id,
                         recorded_at) values (?, ?, ?, ?)
                     on conflict (notification_id) do update set provider_channel = excluded.provider_channel,
                         provider_message_id = excluded.provider_message_id""")) {
            upsert.setObject(1, notificationId);
            upsert.setString(2, providerChannel);
            upsert.setString(3, providerMessageId);
            upsert.setTimestamp(4, Timestamp.from(at));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the provider's message of " + notificationId, e);
        }
    }

    /** Sent deliveries through a channel about one subject (a page's alert), oldest first. */
    public List<Notification> sentAbout(String team, String channel, String subjectType, String subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " " + """
                     from notification where team = ? and channel = ? and subject_type = ? and subject_id = ?
                         and exists (select 1 from delivery_provider_message m
                             where m.notification_id = notification.notification_id)
                     order by created_at, notification_id""")) {
            select.setString(1, team);
            select.setString(2, channel);
            select.setString(3, subjectType);
            select.setString(4, subjectId);
            List<Notification> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list deliveries about " + subjectId, e);
        }
    }

    public void markFailed(UUID notificationId, int attempts, Instant at, String reason) {
        finish(DeliveryStatus.FAILED, notificationId, attempts, attempts == 0 ? null : at, at, reason);
    }

    public void markSkipped(UUID notificationId, Instant at, String reason) {
        finish(DeliveryStatus.SKIPPED, notificationId, 0, null, at, reason);
    }

    private void finish(DeliveryStatus status, UUID notificationId, int attempts, Instant lastAttemptAt,
                        Instant at, String reason) {
        update("""
                update notification set status = ?, attempts = ?, last_attempt_at = coalesce(?, last_attempt_at),
                    completed_at = ?, next_attempt_at = null, resolve_until = null, last_error = ?
                where notification_id = ?""", notificationId,
                statement -> {
                    statement.setString(1, status.name());
                    statement.setInt(2, attempts);
                    statement.setTimestamp(3, timestamp(lastAttemptAt));
                    statement.setTimestamp(4, Timestamp.from(at));
                    statement.setString(5, reason);
                    statement.setObject(6, notificationId);
                });
    }

    public void scheduleRetry(UUID notificationId, int attempts, Instant at, Instant nextAttemptAt, String reason) {
        update("""
                update notification set attempts = ?, last_attempt_at = ?, next_attempt_at = ?, last_error = ?
                where notification_id = ?""", notificationId,
                statement -> {
                    statement.setInt(1, attempts);
                    statement.setTimestamp(2, Timestamp.from(at));
                    statement.setTimestamp(3, Timestamp.from(nextAttemptAt));
                    statement.setString(4, reason);
                    statement.setObject(5, notificationId);
                });
    }

    private void update(String sql, UUID notificationId, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            binder.bind(update);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no notification " + notificationId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update notification " + notificationId, e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<Notification> one(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notifications", e);
        }
    }

    private static Notification map(ResultSet rs) throws SQLException {
        String handle = rs.getString("recipient_handle");
        Recipient recipient = handle == null ? null : new Recipient(handle, rs.getString("recipient_name"),
                rs.getString("recipient_email"), rs.getString("recipient_slack"));
        PageAlert alert;
        JsonNode subject;
        try {
            String alertJson = rs.getString("alert");
            String subjectJson = rs.getString("subject");
            alert = alertJson == null ? null : EventJson.mapper().readValue(alertJson, PageAlert.class);
            subject = subjectJson == null ? null : EventJson.mapper().readTree(subjectJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notification " + rs.getObject("notification_id"), e);
        }
        return new Notification(rs.getObject("notification_id", UUID.class),
                DeliveryKind.valueOf(rs.getString("kind")), rs.getString("team"), recipient, rs.getString("channel"),
                rs.getString("subject_type"), rs.getString("subject_id"), alert, subject, rs.getString("message"),
                rs.getObject("triggered_by", UUID.class), rs.getObject("correlation_id", UUID.class),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "resolve_until"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"), instant(rs, "completed_at"), rs.getString("provider_channel"),
                rs.getString("provider_message_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
