package io.commandpost.rotation.nightpage;

import io.agroal.api.AgroalDataSource;
import io.commandpost.rotation.duty.DutyInputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The night pages this service recorded (table {@code night_pages}). */
@ApplicationScoped
public class NightPageStore {

    /** One recorded page: {@code eventId} is the NotificationSent event that proved it. */
    public record NightPage(UUID eventId, String teamId, String member, Instant pagedAt, LocalDate restDay,
                            UUID notificationId, Instant recordedAt) {
        public DutyInputs.NightPage toInput() {
            return new DutyInputs.NightPage(member, pagedAt, recordedAt);
        }
    }

    private final AgroalDataSource dataSource;

    NightPageStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the first page to a member in a night (one row per team, member and rest day: the plan needs no more).
     *
     * @return false when this event, or a page to the same member for the same rest day, was already recorded
     */
    public boolean record(NightPage page) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into night_pages (event_id, team_id, member, paged_at, rest_day, notification_id, recorded_at)
                     values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")) {
            insert.setObject(1, page.eventId());
            insert.setString(2, page.teamId());
            insert.setString(3, page.member());
            insert.setTimestamp(4, Timestamp.from(page.pagedAt()));
            insert.setDate(5, Date.valueOf(page.restDay()));
            insert.setObject(6, page.notificationId());
            insert.setTimestamp(7, Timestamp.from(page.recordedAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record night page " + page.eventId(), e);
        }
    }

    public List<NightPage> ofTeam(String teamId) {
        List<NightPage> pages = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select event_id, team_id, member, paged_at, rest_day, notification_id, recorded_at
                     from night_pages where team_id = ? order by paged_at, event_id""")) {
            query.setString(1, teamId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pages.add(new NightPage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getDate(5).toLocalDate(), rs.getObject(6, UUID.class),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read night pages of " + teamId, e);
        }
        return pages;
    }
}
