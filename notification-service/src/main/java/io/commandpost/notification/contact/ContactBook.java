package io.commandpost.notification.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventJson;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.delivery.PageChannel;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.teamview.TeamViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Members' contact methods and notification rules ({@code contact_preference}) and teams' channels
 * ({@code team_channels}), as set through the API; what a page to a person becomes ({@link NotificationRules}).
 */
@ApplicationScoped
public class ContactBook {

    private static final TypeReference<List<NotificationRule>> RULES = new TypeReference<>() {
    };

    private static final String PREFERENCES = "contact.preferences";

    private final AgroalDataSource dataSource;
    private final OnCallDirectory onCall;
    private final Instance<PageChannel> channels;
    private final TeamViews views;

    private final NotifyConfig config;

    ContactBook(AgroalDataSource dataSource, OnCallDirectory onCall, NotifyConfig config,
                Instance<PageChannel> channels, TeamViews views) {
        this.views = views;
        this.config = config;
        this.dataSource = dataSource;
        this.onCall = onCall;
        this.channels = channels;
    }

    /**
     * The channels this team's pages can go on now: the page webhook, email while the email channel is on, and every
     * {@link PageChannel} set up for the team (Slack once the team is connected to a workspace).
     */
    public Set<String> available(String team) {
        Set<String> available = new HashSet<>(Set.of(NotificationRules.WEBHOOK));
        if (config.email().enabled()) {
            available.add(NotificationRules.EMAIL);
        }
        for (PageChannel channel : channels) {
            if (!NotificationRules.EMAIL.equals(channel.channel()) && channel.reachesTeam(team)) {
                available.add(channel.channel());
            }
        }
        return available;
    }

    /** What one page to this person becomes, one entry per rule. */
    public List<NotificationRules.Planned> plan(String team, Recipient facts) {
        Optional<ContactPreference> preference = find(team, facts.handle());
        return NotificationRules.plan(facts, preference, available(team));
    }

    /** The member facts of the on-call projection, if rotation published the member. */
    public Optional<Recipient> member(String team, String handle) {
        return onCall.member(team, handle);
    }

    /** The member a Slack user is in a team, and where that was read: {@code contact} or {@code roster}. */
    public record SlackMember(String handle, String source) {
        public static final String CONTACT = "contact";
        public static final String ROSTER = "roster";
    }

    /**
     * The member a Slack user is in a team (who pressed a button, typed a slash command): the member whose contact
     * methods name that Slack user id; else the member the roster (the member facts rotation publishes) gives it,
     * unless their contact methods name another Slack user. Empty for someone CommandPost does not know.
     */
    public Optional<SlackMember> memberBySlackUser(String team, String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select handle from contact_preference where team = ? and methods ->> 'slackUserId' = ?
                     order by handle limit 1""")) {
            select.setString(1, team);
            select.setString(2, slackUserId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(new SlackMember(rs.getString(1), SlackMember.CONTACT));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up Slack user " + slackUserId + " in " + team, e);
        }
        return onCall.members(team).stream()
                .filter(member -> slackUserId.equals(member.slackUserId()))
                .filter(member -> find(team, member.handle()).map(ContactPreference::methods)
                        .map(ContactMethods::slackUserId).filter(id -> !id.isBlank()).isEmpty())
                .findFirst().map(member -> new SlackMember(member.handle(), SlackMember.ROSTER));
    }

    /** From the team's view ({@link TeamViews}): every member's preference, read again when one is saved. */
    public Optional<ContactPreference> find(String team, String handle) {
        return Optional.ofNullable(preferences(team).get(handle));
    }

    private Map<String, ContactPreference> preferences(String team) {
        return views.get(team, PREFERENCES, connection -> {
            Map<String, ContactPreference> preferences = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select handle, methods::text, rules::text from contact_preference where team = ?")) {
                select.setString(1, team);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        preferences.put(rs.getString(1), new ContactPreference(
                                EventJson.mapper().readValue(rs.getString(2), ContactMethods.class),
                                EventJson.mapper().readValue(rs.getString(3), RULES)));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read the contact preferences in " + team, e);
            }
            return Collections.unmodifiableMap(preferences);
        });
    }

    public void save(String team, String handle, ContactPreference preference, Instant now) {
        NotificationRules.validate(preference);
        ContactMethods methods = preference.methods() == null ? ContactMethods.NONE : preference.methods();
        upsert("""
                insert into contact_preference (team, handle, methods, rules, updated_at) values (?, ?, ?::jsonb, ?::jsonb, ?)
                on conflict (team, handle) do update set methods = excluded.methods, rules = excluded.rules,
                    updated_at = excluded.updated_at""", team, handle, json(methods), json(preference.rules()), now);
        try (Connection connection = dataSource.getConnection()) {
            views.changed(connection, team);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save contact settings", e);
        }
    }

    public Optional<TeamChannels> channels(String team) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select channels::text from team_channels where team = ?")) {
            select.setString(1, team);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(EventJson.mapper().readValue(rs.getString(1), TeamChannels.class))
                        : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the channels of " + team, e);
        }
    }

    public void saveChannels(String team, TeamChannels channels, Instant now) {
        TeamChannels.validate(channels);
        upsert("""
                insert into team_channels (team, channels, updated_at) values (?, ?::jsonb, ?)
                on conflict (team) do update set channels = excluded.channels, updated_at = excluded.updated_at""",
                team, json(channels), now);
    }

    private void upsert(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                upsert.setObject(i + 1, param instanceof Instant instant ? Timestamp.from(instant) : param);
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save contact settings", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
