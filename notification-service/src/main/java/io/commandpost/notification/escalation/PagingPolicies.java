package io.commandpost.notification.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventJson;
import io.commandpost.notification.teamview.TeamViews;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code paging_policy} table; a team without a row follows {@link PagingPolicy#defaults()}. */
@ApplicationScoped
public class PagingPolicies {

    /** The stored form, as the API shows it. */
    public record Stored(List<StepJson> steps, int repeat, Long ackTimeoutMinutes, Long floodWindowSeconds) {
    }

    public record StepJson(long delayMinutes, List<String> targets) {
    }

    private static final String POLICY = "paging.policy";

    private final AgroalDataSource dataSource;
    private final TeamViews views;

    PagingPolicies(AgroalDataSource dataSource, TeamViews views) {
        this.dataSource = dataSource;
        this.views = views;
    }

    /**
     * The team's policy, from the team's view ({@link TeamViews}: its version is read once per transaction, so an
     * alert's escalation and each person's flood control in one consumer transaction see the same policy).
     */
    public PagingPolicy of(String team) {
        return views.get(team, POLICY, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select policy::text from paging_policy where team = ?")) {
                select.setString(1, team);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? policy(EventJson.mapper().readValue(rs.getString(1), Stored.class))
                            : PagingPolicy.defaults();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read the paging policy of " + team, e);
            }
        });
    }

    public Optional<Stored> find(String team) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select policy::text from paging_policy where team = ?")) {
            select.setString(1, team);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(EventJson.mapper().readValue(rs.getString(1), Stored.class))
                        : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the paging policy of " + team, e);
        }
    }

    public void save(String team, Stored stored, Instant now) {
        policy(stored); // refuses what cannot be a policy
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into paging_policy (team, policy, updated_at) values (?, ?::jsonb, ?)
                     on conflict (team) do update set policy = excluded.policy, updated_at = excluded.updated_at""")) {
            upsert.setString(1, team);
            upsert.setString(2, EventJson.mapper().writeValueAsString(stored));
            upsert.setTimestamp(3, Timestamp.from(now));
            upsert.executeUpdate();
            views.changed(connection, team); // every replica reads it again from this commit on
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot save the paging policy of " + team, e);
        }
    }

    /** The policy a stored form stands for; IllegalArgumentException naming what is wrong. */
    public static PagingPolicy policy(Stored stored) {
        if (stored.steps() == null) {
            throw new IllegalArgumentException("an escalation policy needs at least one step");
        }
        List<EscalationPolicy.Step> steps = stored.steps().stream()
                .map(step -> new EscalationPolicy.Step(Duration.ofMinutes(step.delayMinutes()),
                        step.targets() == null ? List.of()
                                : step.targets().stream().map(EscalationPolicy::target).toList()))
                .toList();
        Duration ackTimeout = stored.ackTimeoutMinutes() == null ? null : Duration.ofMinutes(stored.ackTimeoutMinutes());
        Duration window = stored.floodWindowSeconds() == null ? PagingPolicy.DEFAULT_FLOOD_WINDOW
                : Duration.ofSeconds(stored.floodWindowSeconds());
        return new PagingPolicy(new EscalationPolicy(steps, stored.repeat(), ackTimeout), window);
    }

    /** The stored form of a policy (what GET shows for a team on the defaults). */
    public static Stored stored(PagingPolicy policy) {
        EscalationPolicy escalation = policy.escalation();
        return new Stored(escalation.steps().stream()
                .map(step -> new StepJson(step.delay().toMinutes(),
                        step.targets().stream().map(EscalationPolicy::name).toList()))
                .toList(), escalation.repeat(),
                escalation.ackTimeout() == null ? null : escalation.ackTimeout().toMinutes(),
                policy.floodWindow().toSeconds());
    }
}
