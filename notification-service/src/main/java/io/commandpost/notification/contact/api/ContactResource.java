package io.commandpost.notification.contact.api;

import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.ContactMethods;
import io.commandpost.notification.contact.ContactPreference;
import io.commandpost.notification.contact.NotificationRule;
import io.commandpost.notification.contact.NotificationRules;
import io.commandpost.notification.contact.TeamChannels;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.platform.audit.ConfigurationAudit;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.security.Caller;
import io.commandpost.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Members' contact methods and notification rules (teams' channels: {@link TeamChannelsResource}). A member who set nothing follows the
 * defaults (GET shows them with {@code isDefault:true}) with the contact details rotation published.
 */
@Path("/v1/teams/{team}/members/{handle}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class ContactResource {

    /** What GET answers: the addresses in use, the rules in force, and whether they are the defaults. */
    public record ContactView(String team, String handle, boolean isDefault, ContactMethods methods,
                              List<NotificationRule> rules) {
    }

    /** What PUT takes. */
    public record ContactBody(ContactMethods methods, List<NotificationRule> rules) {
    }

    private final ContactBook book;
    private final Clock clock;
    private final Caller caller;
    private final ConfigurationAudit audit;

    ContactResource(ContactBook book, Clock clock, Caller caller, ConfigurationAudit audit) {
        this.book = book;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "A member's contact methods and notification rules (the defaults when none were set)")
    public ContactView get(@PathParam("team") String team, @PathParam("handle") String handle) {
        Optional<ContactPreference> set = book.find(team, handle);
        Optional<Recipient> facts = book.member(team, handle);
        if (set.isEmpty() && facts.isEmpty()) {
            throw new NotFoundException("no member " + handle + " in team " + team);
        }
        return view(team, handle, facts.orElse(new Recipient(handle, null, null, null)), set);
    }

    @PUT
    @RolesAllowed(Roles.RESPONDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets a member's contact methods and rules, e.g. "
            + "[{\"method\":\"slack\",\"afterMinutes\":0},{\"method\":\"email\",\"afterMinutes\":2}]")
    public ContactView put(@PathParam("team") String team, @PathParam("handle") String handle, ContactBody body) {
        if (!caller.hasRole(Roles.ADMIN) && !handle.equals(caller.handle())) {
            throw new ForbiddenException("a responder sets their own contact methods; an admin sets anyone's");
        }
        if (body == null) {
            throw new InvalidCommandException("rules", "send {\"methods\":{\"email\":\"…\"},\"rules\":"
                    + "[{\"method\":\"webhook\",\"afterMinutes\":0},{\"method\":\"email\",\"afterMinutes\":2}]}");
        }
        ContactPreference preference = new ContactPreference(body.methods() == null ? ContactMethods.NONE
                : body.methods(), body.rules());
        try {
            NotificationRules.validate(preference);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.startsWith("methods") ? "methods" : "rules";
            throw new InvalidCommandException(field, message.substring(message.indexOf(':') + 1).strip());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            book.save(team, handle, preference, clock.instant());
            audit.record(team, "contact-methods", team + "/" + handle, "updated", summary(handle, preference));
        });
        return view(team, handle, book.member(team, handle).orElse(new Recipient(handle, null, null, null)),
                Optional.of(preference));
    }

    /** The contact methods and rules as the audit shows them. */
    static String summary(String handle, ContactPreference preference) {
        ContactMethods methods = preference.methods();
        String rules = preference.rules() == null || preference.rules().isEmpty() ? "the defaults"
                : preference.rules().stream().map(rule -> rule.method() + " after " + rule.afterMinutes() + " min")
                        .collect(Collectors.joining(", "));
        return handle + ": email " + (methods.email() == null ? "from the roster" : methods.email())
                + ", Slack user " + (methods.slackUserId() == null ? "from the roster" : methods.slackUserId())
                + ", webhook " + (methods.webhook() == null || methods.webhook() ? "on" : "off") + "; rules: " + rules;
    }

    private ContactView view(String team, String handle, Recipient facts, Optional<ContactPreference> set) {
        ContactMethods setMethods = set.map(ContactPreference::methods).orElse(ContactMethods.NONE);
        Recipient person = NotificationRules.addresses(facts, setMethods);
        boolean webhook = setMethods.webhook() == null || setMethods.webhook();
        List<NotificationRule> rules = set.map(ContactPreference::rules)
                .orElseGet(() -> NotificationRules.defaults(person, setMethods, book.available(team)));
        return new ContactView(team, handle, set.isEmpty(),
                new ContactMethods(person.email(), person.slackUserId(), webhook), rules);
    }
}
