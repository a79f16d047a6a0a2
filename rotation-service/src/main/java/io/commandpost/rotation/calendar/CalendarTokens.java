package io.commandpost.rotation.calendar;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a team's feed URLs. Calendar clients cannot send headers, so the URL carries it;
 * only its SHA-256 is stored, and issuing a new one revokes the old.
 */
@ApplicationScoped
public class CalendarTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;
    private final Clock clock;

    CalendarTokens(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A fresh token for the team; the previous one stops working. */
    @Transactional
    public String issue(String teamId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into calendar_token (team_id, token_hash, created_at) values (?, ?, ?)
                     on conflict (team_id) do update set token_hash = excluded.token_hash,
                       created_at = excluded.created_at""")) {
            upsert.setString(1, teamId);
            upsert.setString(2, HexFormat.of().formatHex(sha256(token)));
            upsert.setTimestamp(3, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the calendar token of " + teamId, e);
        }
        return token;
    }

    /** Whether {@code token} is the team's current one (false when the team has none). */
    public boolean matches(String teamId, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select token_hash from calendar_token where team_id = ?")) {
            select.setString(1, teamId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && MessageDigest.isEqual(HexFormat.of().parseHex(rs.getString(1)), sha256(token));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the calendar token of " + teamId, e);
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
