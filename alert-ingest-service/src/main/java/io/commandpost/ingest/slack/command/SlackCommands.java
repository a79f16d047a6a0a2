package io.commandpost.ingest.slack.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.ingest.slack.SlackCommandLine;
import io.commandpost.ingest.slack.SlackCommandLine.Person;
import io.commandpost.ingest.slack.SlackReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Runs {@code /mro who} against rotation-service and the {@code /incident} commands against incident-service as
 * the person who typed them: their Slack user id mapped to their member handle by their contact methods
 * (notification-service), else by rotation's roster ({@code slackUserId}); a Slack user who is neither is told,
 * ephemerally, that they are not a member. A refusal is answered ephemerally with the service's reason; a service
 * that does not answer, with "try again".
 */
@ApplicationScoped
public class SlackCommands {

    public static final String ROTATION_DOWN = "Rotation is not answering right now — please try again in a moment.";
    public static final String INCIDENTS_DOWN =
            "Incident service is not answering right now — please try again in a moment.";
    public static final String NO_INCIDENT = "No incident is run in this channel: declare one with "
            + "/incident declare <title> [sev1..sev4].";

    private final RotationClient rotation;
    private final NotificationClient notifications;
    private final IncidentActions incidents;
    private final SlackIncidentChannels channels;
    private final Clock clock;

    SlackCommands(@RestClient RotationClient rotation, @RestClient NotificationClient notifications,
                  IncidentActions incidents, SlackIncidentChannels channels, Clock clock) {
        this.rotation = rotation;
        this.notifications = notifications;
        this.incidents = incidents;
        this.channels = channels;
        this.clock = clock;
    }

    /** Runs a parsed command (neither a question nor a usage) for {@code team}, typed in {@code channelId}. */
    public SlackReply run(SlackCommandLine line, String team, String channelId, String userId) {
        if (line instanceof SlackCommandLine.WhoIsOnCall) {
            return who(team);
        }
        Outcome members = Outcome.of(() -> rotation.team(team));
        if (members instanceof Outcome.Unavailable) {
            return SlackReply.ephemeral(ROTATION_DOWN);
        }
        if (members instanceof Outcome.Refused refused) {
            return SlackReply.ephemeral("Rotation does not know team " + team + ": " + refused.detail());
        }
        JsonNode roster = ((Outcome.Answered) members).body();
        Optional<String> actor = memberOf(team, roster, userId);
        if (actor.isEmpty()) {
            return SlackReply.ephemeral(notAMember(userId, team));
        }
        if (line instanceof SlackCommandLine.DeclareIncident declare) {
            return declare(actor.get(), team, channelId, declare);
        }
        Optional<UUID> incident = channels.incidentOf(channelId);
        if (incident.isEmpty()) {
            return SlackReply.ephemeral(NO_INCIDENT);
        }
        UUID id = incident.get();
        if (line instanceof SlackCommandLine.HandOffCommand handOff) {
            Optional<String> to = resolve(team, roster, handOff.to());
            if (to.isEmpty()) {
                return notAMember(handOff.to(), team);
            }
            return answer(incidents.handOff(actor.get(), id, to.get()),
                    body -> SlackReply.inChannel("Incident Commander is now " + to.get() + " (handed off by "
                            + actor.get() + ")."));
        }
        if (line instanceof SlackCommandLine.DelegateTask task) {
            Optional<String> assignee = resolve(team, roster, task.assignee());
            if (assignee.isEmpty()) {
                return notAMember(task.assignee(), team);
            }
            return answer(incidents.delegate(actor.get(), id, assignee.get(), task.title()),
                    body -> SlackReply.inChannel("Task for " + assignee.get() + ": " + task.title()));
        }
        if (line instanceof SlackCommandLine.PostUpdate update) {
            return answer(incidents.postUpdate(actor.get(), id, update.text()),
                    body -> SlackReply.inChannel("Status update from " + actor.get() + ": " + update.text()));
        }
        if (line instanceof SlackCommandLine.ResolveIncident resolve) {
            return answer(incidents.resolve(actor.get(), id, resolve.summary()), body -> {
                channels.free(channelId, id);
                return SlackReply.inChannel("Incident resolved by " + actor.get()
                        + (resolve.summary() == null ? "." : ": " + resolve.summary()));
            });
        }
        return SlackReply.ephemeral("Not a command this app runs.");
    }

    private SlackReply who(String team) {
        Outcome onCall = Outcome.of(() -> rotation.onCall(team));
        if (onCall instanceof Outcome.Answered answered) {
            return SlackReply.ephemeral(OnCallText.of(team, answered.body()));
        }
        if (onCall instanceof Outcome.Refused refused) {
            return SlackReply.ephemeral("Rotation does not know team " + team + ": " + refused.detail());
        }
        return SlackReply.ephemeral(ROTATION_DOWN);
    }

    private SlackReply declare(String actor, String team, String channelId, SlackCommandLine.DeclareIncident declare) {
        return answer(incidents.declare(actor, team, declare.title(), declare.severity()), body -> {
            UUID id = UUID.fromString(body.path("incidentId").asText());
            channels.run(channelId, id, team, clock.instant());
            String severity = body.path("severity").asText(declare.severity() == null ? "" : declare.severity());
            return SlackReply.inChannel("Incident declared by " + actor + ": " + declare.title()
                    + (severity.isBlank() ? "" : " (" + severity + ")") + ". Incident Commander: "
                    + body.path("commander").asText(actor) + ". Run it here with /incident ic | task | update | resolve.");
        });
    }

    private interface OnAnswer {
        SlackReply reply(JsonNode body);
    }

    private static SlackReply answer(Outcome outcome, OnAnswer onAnswer) {
        if (outcome instanceof Outcome.Answered answered) {
            return onAnswer.reply(answered.body());
        }
        if (outcome instanceof Outcome.Refused refused) {
            return SlackReply.ephemeral("Refused: " + refused.detail());
        }
        return SlackReply.ephemeral(INCIDENTS_DOWN);
    }

    private static SlackReply notAMember(Person person, String team) {
        return SlackReply.ephemeral((person.handle() != null ? "@" + person.handle() : "<@" + person.slackUserId() + ">")
                + " is not a member of " + team + " in CommandPost.");
    }

    /** The ephemeral answer to a Slack user who is no member of the team. */
    public static String notAMember(String slackUserId, String team) {
        return "Your Slack user (" + slackUserId + ") is not a member of " + team + " in CommandPost: set it in your "
                + "contact methods (slackUserId), or ask for your member's slackUserId to be set.";
    }

    /**
     * The member a Slack user is: by their contact methods' Slack user id (notification-service answers it, the
     * roster's id as its own fallback), else, when notification-service does not know them or does not answer, by
     * the roster's {@code slackUserId}.
     */
    private Optional<String> memberOf(String team, JsonNode roster, String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) {
            return Optional.empty();
        }
        Outcome contact = Outcome.of(() -> notifications.slackUser(team, slackUserId));
        if (contact instanceof Outcome.Answered answered && !answered.body().path("handle").asText("").isBlank()) {
            return Optional.of(answered.body().path("handle").asText());
        }
        return handleOf(roster, slackUserId);
    }

    /** A mention maps to the member carrying that Slack user id; a handle must be a member's. */
    private Optional<String> resolve(String teamId, JsonNode team, Person person) {
        if (person.slackUserId() != null) {
            return memberOf(teamId, team, person.slackUserId());
        }
        for (JsonNode member : team.path("members")) {
            if (person.handle().equals(member.path("handle").asText())) {
                return Optional.of(person.handle());
            }
        }
        return Optional.empty();
    }

    static Optional<String> handleOf(JsonNode team, String slackUserId) {
        if (slackUserId == null) {
            return Optional.empty();
        }
        for (JsonNode member : team.path("members")) {
            if (slackUserId.equals(member.path("slackUserId").asText(null))) {
                return Optional.of(member.path("handle").asText());
            }
        }
        return Optional.empty();
    }
}
