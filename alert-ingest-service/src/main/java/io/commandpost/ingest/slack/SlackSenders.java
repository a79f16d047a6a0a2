package io.commandpost.ingest.slack;

import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.integration.IntegrationType;
import io.commandpost.ingest.integration.Integrations;
import io.commandpost.platform.http.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Slack integration sent a request: the ones whose signing secret verifies the signature over
 * the raw body. Slack sends no token of ours, so every live Slack integration's secret is tried
 * (there are few: one per Slack app). Stale timestamps are refused before any secret is tried.
 */
@ApplicationScoped
public class SlackSenders {

    private final Integrations integrations;
    private final Clock clock;

    SlackSenders(Integrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /**
     * @return the integrations whose secret verifies (newest first), never empty
     * @throws WebApplicationException 401 problem when the request is stale, unsigned or signed by no one we know
     */
    public List<Integration> verify(String timestamp, String signature, byte[] body) {
        // missing and stale headers fail whatever the secret: refused before any secret is tried
        SlackSignature.Verdict headers = new SlackSignature("-", clock).verify(timestamp, signature, body);
        if (headers == SlackSignature.Verdict.MISSING || headers == SlackSignature.Verdict.STALE) {
            throw unauthorized(headers);
        }
        List<Integration> verified = new ArrayList<>();
        for (Integrations.WithSecret candidate : integrations.liveWithSecrets(IntegrationType.SLACK)) {
            if (new SlackSignature(candidate.secret(), clock).verify(timestamp, signature, body)
                    == SlackSignature.Verdict.VALID) {
                verified.add(candidate.integration());
            }
        }
        if (verified.isEmpty()) {
            throw unauthorized(SlackSignature.Verdict.MISMATCH);
        }
        return verified;
    }

    private static WebApplicationException unauthorized(SlackSignature.Verdict verdict) {
        String detail = switch (verdict) {
            case STALE -> "X-Slack-Request-Timestamp is more than " + SlackSignature.MAX_SKEW_SECONDS
                    + " s from now: refused as a possible replay";
            case MISSING -> "X-Slack-Request-Timestamp and X-Slack-Signature are required";
            default -> "the Slack signature does not verify";
        };
        return new WebApplicationException(Problem.of(401, "Unauthorized", detail).toResponse());
    }

    /** Of several integrations sharing a secret, the one that maps this channel, else the newest. */
    public static Integration choose(List<Integration> verified, String channelId) {
        return verified.stream().filter(integration -> channelId != null
                        && integration.settings().channelsOrEmpty().containsKey(channelId))
                .findFirst().orElse(verified.get(0));
    }

    /** The team a message from this channel is for: the channel's mapping, else the integration's team. */
    public static String teamFor(Integration integration, String channelId) {
        return channelId == null ? integration.team()
                : integration.settings().channelsOrEmpty().getOrDefault(channelId, integration.team());
    }
}
