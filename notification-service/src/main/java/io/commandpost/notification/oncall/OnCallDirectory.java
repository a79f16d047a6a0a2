package io.commandpost.notification.oncall;

import io.agroal.api.AgroalDataSource;
import io.commandpost.notification.teamview.TeamViews;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the on-call projection: who is on duty for a team at an instant, and the facts announcements quote. What
 * paging reads for every alert (the rows {@link OnDuty} needs from now on, the members, the team) is kept in the team's
 * {@link TeamViews} view, loaded again whenever the projection changed the team.
 */
@ApplicationScoped
public class OnCallDirectory implements OnCallLookup {

    /** Shifts kept from the one covering the load instant onwards: enough to follow a day's handoffs. */
    private static final int FUTURE_SHIFTS = 16;
    /** Every handover (each names its shift, and OnDuty takes those made before the instant asked about). */
    private static final Instant EVER = Instant.parse("9999-01-01T00:00:00Z");

    /**
     * The rows {@link OnDuty} needs for any instant in {@code [loadedAt, validUntil)}: the recent shifts up to
     * {@code loadedAt} and the later ones, the team's latest handovers, the overrides not over at {@code loadedAt}.
     */
    private record DutyInputs(Instant loadedAt, Instant validUntil, List<OnDuty.Shift> shifts,
                              List<OnDuty.ShiftHandover> handovers, List<OnDuty.Override> overrides) {
        boolean serves(Instant at) {
            return !at.isBefore(loadedAt) && at.isBefore(validUntil);
        }
    }

    /** The team row; {@code known} false while the projection has not seen the team. */
    private record TeamRow(boolean known, String name, String timeZone, String partner) {
    }

    private static final String DUTY = "oncall.duty";
    private static final String MEMBERS = "oncall.members";
    private static final String TEAM = "oncall.team";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final TeamViews views;

    OnCallDirectory(AgroalDataSource dataSource, Clock clock, TeamViews views) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.views = views;
    }

    /**
     * Who is on duty for the team now ({@link OnDuty}: either shift kind, handovers, follow-the-sun, overrides),
     * with contact details (null details when the member was not seen yet).
     */
    @Override
    public Optional<Recipient> currentMro(String team) {
        return onDutyAt(team, clock.instant());
    }

    /** Who is on duty for the team at {@code at}; a follow-the-sun handover answers with the partner's person. */
    public Optional<Recipient> onDutyAt(String team, Instant at) {
        return onDutyAt(team, at, 0);
    }

    /**
     * Everyone on duty for the team at {@code at}: one person, or more when an "add only" override added someone
     * (each is paged); a follow-the-sun handover answers with the partner's people. Empty: nobody.
     */
    public List<Recipient> allOnDutyAt(String team, Instant at) {
        return allOnDutyAt(team, at, 0);
    }

    private Optional<Recipient> onDutyAt(String team, Instant at, int depth) {
        return allOnDutyAt(team, at, depth).stream().findFirst();
    }

    private List<Recipient> allOnDutyAt(String team, Instant at, int depth) {
        Optional<OnDuty.Answer> answer = answer(team, at);
        if (answer.isEmpty()) {
            return List.of();
        }
        if (answer.get() instanceof OnDuty.Partner partner) {
            // the partner's own follow-the-sun handover is not followed further: two teams never page in a loop
            return depth > 0 ? List.of() : allOnDutyAt(partner.partnerTeam(), at, depth + 1);
        }
        return ((OnDuty.Member) answer.get()).members().stream()
                .map(handle -> member(team, handle).orElse(new Recipient(handle, null, null, null)))
                .toList();
    }

    /** From the team's view when it covers {@code at} (now, for pages), else from the rows themselves. */
    private Optional<OnDuty.Answer> answer(String team, Instant at) {
        DutyInputs inputs = views.get(team, DUTY, connection -> dutyInputs(connection, team, clock.instant()));
        if (inputs.serves(at)) {
            return OnDuty.at(team, inputs.shifts(), inputs.handovers(), inputs.overrides(), at);
        }
        try (Connection connection = dataSource.getConnection()) {
            return OnDuty.at(team, DutyRows.shifts(connection, team, at), DutyRows.handovers(connection, team, at),
                    DutyRows.overrides(connection, team, at), at);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who is on duty for " + team, e);
        }
    }

    private static DutyInputs dutyInputs(Connection connection, String team, Instant now) throws SQLException {
        List<OnDuty.Shift> shifts = new ArrayList<>(DutyRows.shifts(connection, team, now));
        List<OnDuty.Shift> later = DutyRows.shiftsAfter(connection, team, now, FUTURE_SHIFTS);
        shifts.addAll(later);
        Instant validUntil = later.size() < FUTURE_SHIFTS ? Instant.MAX : later.get(later.size() - 1).startsAt();
        return new DutyInputs(now, validUntil, List.copyOf(shifts), DutyRows.handovers(connection, team, EVER),
                DutyRows.overridesFrom(connection, team, now));
    }

    /** The team's follow-the-sun partner team, if one was set. */
    public Optional<String> partnerTeam(String team) {
        return Optional.ofNullable(team(team).partner());
    }

    @Override
    public Optional<Recipient> member(String team, String handle) {
        return Optional.ofNullable(membersByHandle(team).get(handle));
    }

    /** Every member of the team the projection knows, by handle. */
    public List<Recipient> members(String team) {
        return List.copyOf(membersByHandle(team).values());
    }

    private Map<String, Recipient> membersByHandle(String team) {
        return views.get(team, MEMBERS, connection -> {
            Map<String, Recipient> members = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select handle, display_name, email, slack_user_id from oncall_member where team_id = ?
                    order by handle""")) {
                select.setString(1, team);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        members.put(rs.getString(1), recipient(rs));
                    }
                }
            }
            return Collections.unmodifiableMap(members);
        });
    }

    private TeamRow team(String team) {
        return views.get(team, TEAM, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select name, time_zone, partner_team_id from oncall_team where team_id = ?")) {
                select.setString(1, team);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new TeamRow(true, rs.getString(1), rs.getString(2), rs.getString(3))
                            : new TeamRow(false, null, null, null);
                }
            }
        });
    }

    @Override
    public Optional<String> teamName(String team) {
        TeamRow row = team(team);
        return row.known() ? Optional.ofNullable(row.name()) : Optional.empty();
    }

    @Override
    public Optional<Handover> handover(UUID handoverId) {
        return one("""
                select handover_id, team_id, from_member, to_team_id, to_member, notes, open_items, accept_by, accepted_at
                from oncall_handover where handover_id = ?""", "handover " + handoverId,
                rs -> new Handover(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))),
                handoverId);
    }

    @Override
    public Optional<java.time.ZoneId> timeZone(String team) {
        return Optional.ofNullable(team(team).timeZone()).map(java.time.ZoneId::of);
    }

    @Override
    public Optional<Recipient> nightDutyStarting(String team, Instant from, Instant to) {
        return one("""
                select member from oncall_shift where team_id = ? and kind = 'NIGHT_DUTY' and starts_at >= ?
                    and starts_at < ? order by starts_at desc limit 1""", "the night duty of " + team,
                rs -> rs.getString(1), team, Timestamp.from(from), Timestamp.from(to))
                .flatMap(handle -> member(team, handle).or(() -> Optional.of(new Recipient(handle, null, null, null))));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> one(String sql, String what, Row<T> row, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + what, e);
        }
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
