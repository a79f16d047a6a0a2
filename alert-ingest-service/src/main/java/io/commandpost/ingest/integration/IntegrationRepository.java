package io.commandpost.ingest.integration;

import io.agroal.api.AgroalDataSource;
import io.commandpost.events.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

/** The integration table, in plain JDBC. */
@ApplicationScoped
public class IntegrationRepository {

    private static final String COLUMNS =
            "id, team, type, name, default_priority, created_at, token_rotated_at, revoked_at, settings, version";

    private final AgroalDataSource dataSource;

    IntegrationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a new integration (with its sealed secret, if it has one) and, for a heartbeat, the switch
     * whose interval starts now: both or neither (one transaction: the caller's, which may record more).
     */
    @Transactional
    public void insert(Integration integration, byte[] tokenHash, byte[] sealedSecret) {
        String sql = "insert into integration (" + COLUMNS + ", token_hash, secret_enc)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, integration.id());
                statement.setString(2, integration.team());
                statement.setString(3, integration.type().wireName());
                statement.setString(4, integration.name());
                statement.setString(5, integration.defaultPriority() == null ? null
                        : integration.defaultPriority().name());
                statement.setTimestamp(6, timestamp(integration.createdAt()));
                statement.setTimestamp(7, timestamp(integration.tokenRotatedAt()));
                statement.setTimestamp(8, timestamp(integration.revokedAt()));
                statement.setString(9, SettingsJson.write(integration.settings()));
                statement.setLong(10, integration.version());
                statement.setBytes(11, tokenHash);
                statement.setBytes(12, sealedSecret);
                statement.executeUpdate();
            }
            if (integration.type() == IntegrationType.HEARTBEAT) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "insert into heartbeat (integration_id, interval_minutes, last_ping_at) values (?, ?, ?)")) {
                    statement.setObject(1, integration.id());
                    statement.setInt(2, integration.settings().intervalMinutes());
                    statement.setTimestamp(3, timestamp(integration.createdAt()));
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store integration " + integration.id(), e);
        }
    }

    /** Every live integration of a type with its sealed secret (Slack: the signing secrets to try). */
    public List<WithSealedSecret> liveWithSecrets(IntegrationType type) {
        String sql = "select " + COLUMNS + ", secret_enc from integration where type = ? and revoked_at is null"
                + " order by created_at desc, id";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, type.wireName());
            List<WithSealedSecret> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new WithSealedSecret(map(rs), rs.getBytes("secret_enc")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list " + type.wireName() + " integrations", e);
        }
    }

    /** An integration with its secret as stored (encrypted). */
    public record WithSealedSecret(Integration integration, byte[] sealedSecret) {
    }

    public Optional<Integration> find(UUID id) {
        return queryOne("select " + COLUMNS + " from integration where id = ?", statement -> statement.setObject(1, id));
    }

    /** The live (not revoked) integration whose token has this hash, with the stored hash for the final comparison. */
    public Optional<StoredToken> findByTokenHash(byte[] tokenHash) {
        String sql = "select " + COLUMNS + ", token_hash from integration where token_hash = ? and revoked_at is null";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, tokenHash);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new StoredToken(map(rs), rs.getBytes("token_hash"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up an integration token", e);
        }
    }

    public List<Integration> list(String team) {
        String sql = "select " + COLUMNS + " from integration"
                + (team == null ? "" : " where team = ?") + " order by created_at, id";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (team != null) {
                statement.setString(1, team);
            }
            List<Integration> integrations = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    integrations.add(map(rs));
                }
            }
            return integrations;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list integrations", e);
        }
    }

    /** @return false when the integration does not exist or is revoked */
    public boolean replaceToken(UUID id, byte[] tokenHash, Instant rotatedAt) {
        return update("update integration set token_hash = ?, token_rotated_at = ?, version = version + 1"
                + " where id = ? and revoked_at is null",
                statement -> {
                    statement.setBytes(1, tokenHash);
                    statement.setTimestamp(2, timestamp(rotatedAt));
                    statement.setObject(3, id);
                });
    }

    /** @return false when the integration does not exist or was already revoked */
    public boolean revoke(UUID id, Instant revokedAt) {
        return update("update integration set revoked_at = ?, version = version + 1"
                + " where id = ? and revoked_at is null", statement -> {
            statement.setTimestamp(1, timestamp(revokedAt));
            statement.setObject(2, id);
        });
    }

    /**
     * Stores an edit of a live integration (name, default priority, settings; for a heartbeat also its
     * switch's interval, in the same transaction) if it is still at {@code expectedVersion}; the edit
     * carries the next version.
     *
     * @return false when the integration does not exist, is revoked or is no longer at that version
     */
    @Transactional
    public boolean update(Integration edited, long expectedVersion) {
        String sql = "update integration set name = ?, default_priority = ?, settings = ?::jsonb, version = ?"
                + " where id = ? and version = ? and revoked_at is null";
        try (Connection connection = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, edited.name());
                statement.setString(2, edited.defaultPriority() == null ? null : edited.defaultPriority().name());
                statement.setString(3, SettingsJson.write(edited.settings()));
                statement.setLong(4, edited.version());
                statement.setObject(5, edited.id());
                statement.setLong(6, expectedVersion);
                updated = statement.executeUpdate();
            }
            if (updated == 1 && edited.type() == IntegrationType.HEARTBEAT) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "update heartbeat set interval_minutes = ? where integration_id = ?")) {
                    statement.setInt(1, edited.settings().intervalMinutes());
                    statement.setObject(2, edited.id());
                    statement.executeUpdate();
                }
            }
            return updated == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update integration " + edited.id(), e);
        }
    }

    /** An integration with the hash its token is stored under. */
    public record StoredToken(Integration integration, byte[] tokenHash) {
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<Integration> queryOne(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read integrations", e);
        }
    }

    private boolean update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update integrations", e);
        }
    }

    private static Integration map(ResultSet rs) throws SQLException {
        String priority = rs.getString("default_priority");
        return new Integration(rs.getObject("id", UUID.class), rs.getString("team"),
                IntegrationType.fromWireName(rs.getString("type")).orElseThrow(),
                rs.getString("name"), priority == null ? null : Priority.valueOf(priority),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("token_rotated_at")),
                instant(rs.getTimestamp("revoked_at")), SettingsJson.read(rs.getString("settings")),
                rs.getLong("version"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
