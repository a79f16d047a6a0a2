package io.commandpost.incident.directory.projection;

import io.agroal.api.AgroalDataSource;
import io.commandpost.incident.directory.DirectoryMember;
import io.commandpost.incident.directory.OnDuty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The directory_member and directory_on_duty tables, by plain JDBC. */
@ApplicationScoped
public class DirectoryStore {

    private final AgroalDataSource dataSource;

    DirectoryStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(DirectoryMember member) {
        String sql = "insert into directory_member (team, handle, display_name, skills) values (?, ?, ?, ?) "
                + "on conflict (team, handle) do update set display_name = excluded.display_name, "
                + "skills = excluded.skills";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, member.team());
            statement.setString(2, member.handle());
            statement.setString(3, member.displayName());
            statement.setArray(4, connection.createArrayOf("text", member.skills().toArray()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save directory member " + member.handle(), e);
        }
    }

    /** Members having {@code skill} (ignoring case), in every team. */
    public List<DirectoryMember> withSkill(String skill) {
        return members("select team, handle, display_name, skills from directory_member where exists "
                + "(select 1 from unnest(skills) s where lower(trim(s)) = lower(trim(?))) order by team, handle", skill);
    }

    /** The teams {@code handle} is a member of. */
    public List<String> teamsOf(String handle) {
        return members("select team, handle, display_name, skills from directory_member where handle = ? "
                + "order by team", handle).stream().map(DirectoryMember::team).toList();
    }

    public Optional<OnDuty> onDutyForUpdate(String team, String kind) {
        return duties("select team, kind, member, starts_at, ends_at from directory_on_duty where team = ? "
                + "and kind = ? for update", team, kind).stream().findFirst();
    }

    public List<OnDuty> onDuty() {
        return duties("select team, kind, member, starts_at, ends_at from directory_on_duty order by team, kind");
    }

    public void save(OnDuty duty) {
        String sql = "insert into directory_on_duty (team, kind, member, starts_at, ends_at) values (?, ?, ?, ?, ?) "
                + "on conflict (team, kind) do update set member = excluded.member, starts_at = excluded.starts_at, "
                + "ends_at = excluded.ends_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, duty.team());
            statement.setString(2, duty.kind());
            statement.setString(3, duty.member());
            statement.setTimestamp(4, Timestamp.from(duty.startsAt()));
            statement.setTimestamp(5, duty.endsAt() == null ? null : Timestamp.from(duty.endsAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save who is on duty in " + duty.team(), e);
        }
    }

    public void deleteAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement members = connection.prepareStatement("delete from directory_member");
             PreparedStatement duties = connection.prepareStatement("delete from directory_on_duty")) {
            members.executeUpdate();
            duties.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the team directory", e);
        }
    }

    private List<DirectoryMember> members(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<DirectoryMember> members = new ArrayList<>();
            while (rows.next()) {
                Array skills = rows.getArray("skills");
                members.add(new DirectoryMember(rows.getString("team"), rows.getString("handle"),
                        rows.getString("display_name"), Arrays.asList((String[]) skills.getArray())));
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the team directory", e);
        }
    }

    private List<OnDuty> duties(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<OnDuty> duties = new ArrayList<>();
            while (rows.next()) {
                Timestamp ends = rows.getTimestamp("ends_at");
                duties.add(new OnDuty(rows.getString("team"), rows.getString("kind"), rows.getString("member"),
                        rows.getTimestamp("starts_at").toInstant(), ends == null ? null : ends.toInstant()));
            }
            return duties;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who is on duty", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
