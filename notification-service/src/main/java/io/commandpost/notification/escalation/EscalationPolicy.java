package io.commandpost.notification.escalation;

import java.time.Duration;
import java.util.List;

/**
 * How a team's alerts escalate (configuration, apart from each alert's {@link Escalation} state), with
 * PagerDuty's semantics: the first step is paged when an occurrence opens; each step waits {@code delay}
 * for an acknowledgement before the next one is paged; after the last step the whole list is paged again
 * {@code repeat} more times; an acknowledgement still firing after {@code ackTimeout} re-pages.
 *
 * @param ackTimeout null or zero: an acknowledgement holds until the alert resolves
 */
public record EscalationPolicy(List<Step> steps, int repeat, Duration ackTimeout) {

    public EscalationPolicy {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("an escalation policy needs at least one step");
        }
        if (repeat < 0 || repeat > 9) {
            throw new IllegalArgumentException("repeat must be between 0 and 9");
        }
        if (ackTimeout != null && ackTimeout.isNegative()) {
            throw new IllegalArgumentException("ackTimeout must not be negative");
        }
        steps = List.copyOf(steps);
    }

    /**
     * @param delay how long this step waits for an acknowledgement before the next step is paged
     */
    public record Step(Duration delay, List<Target> targets) {
        public Step {
            if (delay == null || delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("a step's delay must be positive");
            }
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("a step needs at least one target");
            }
            targets = List.copyOf(targets);
        }
    }

    /** Who a step pages. */
    public sealed interface Target {
    }

    /** The team's on-duty person at that instant (MRO in working hours, night duty outside them). */
    public record OnDuty() implements Target {
    }

    /** The follow-the-sun partner team's on-duty person. */
    public record PartnerOnDuty() implements Target {
    }

    /** Named members of the team. */
    public record Members(List<String> handles) implements Target {
        public Members {
            if (handles == null || handles.isEmpty()) {
                throw new IllegalArgumentException("name at least one member");
            }
            handles = List.copyOf(handles);
        }
    }

    /** Every member of the team. */
    public record EveryMember() implements Target {
    }

    /** The team channel (the announcement webhook). */
    public record TeamChannel() implements Target {
    }

    /** How a target is named in events and the API. */
    public static String name(Target target) {
        if (target instanceof OnDuty) {
            return "on-duty";
        }
        if (target instanceof PartnerOnDuty) {
            return "partner-on-duty";
        }
        if (target instanceof EveryMember) {
            return "every-member";
        }
        if (target instanceof TeamChannel) {
            return "team-channel";
        }
        return "member:" + String.join(",", ((Members) target).handles());
    }

    /** The target a name stands for; IllegalArgumentException for an unknown one. */
    public static Target target(String name) {
        return switch (name == null ? "" : name) {
            case "on-duty" -> new OnDuty();
            case "partner-on-duty" -> new PartnerOnDuty();
            case "every-member" -> new EveryMember();
            case "team-channel" -> new TeamChannel();
            default -> {
                if (name.startsWith("member:")) {
                    yield new Members(java.util.Arrays.stream(name.substring(7).split(","))
                            .map(String::strip).filter(h -> !h.isEmpty()).toList());
                }
                throw new IllegalArgumentException("unknown target " + name
                        + ": on-duty, partner-on-duty, member:<handle>[,<handle>…], every-member or team-channel");
            }
        };
    }

    /**
     * When a team configured none: the on-duty person; after 10 minutes without acknowledgement the partner
     * team's on-duty person and the team channel; 10 minutes later every member; once more from the top;
     * an acknowledgement lasts 30 minutes while the alert still fires.
     */
    public static EscalationPolicy defaults() {
        return new EscalationPolicy(List.of(
                new Step(Duration.ofMinutes(10), List.of(new OnDuty())),
                new Step(Duration.ofMinutes(10), List.of(new PartnerOnDuty(), new TeamChannel())),
                new Step(Duration.ofMinutes(10), List.of(new EveryMember()))),
                1, Duration.ofMinutes(30));
    }
}
