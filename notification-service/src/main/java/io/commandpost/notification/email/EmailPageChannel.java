package io.commandpost.notification.email;

import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.TeamChannels;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.PageChannel;
import io.commandpost.notification.oncall.Recipient;
import jakarta.enterprise.context.ApplicationScoped;

/** Email pages people who have an address, and the team through its email list, while the email channel is on. */
@ApplicationScoped
public class EmailPageChannel implements PageChannel {

    private final boolean enabled;
    private final ContactBook contacts;

    EmailPageChannel(NotifyConfig config, ContactBook contacts) {
        this.enabled = config.email().enabled();
        this.contacts = contacts;
    }

    @Override
    public String channel() {
        return Notification.EMAIL;
    }

    @Override
    public boolean reaches(String team, Recipient person) {
        return enabled && person.email() != null && !person.email().isBlank();
    }

    @Override
    public boolean reachesTeam(String team) {
        return enabled && contacts.channels(team).map(TeamChannels::emailList).filter(list -> !list.isBlank())
                .isPresent();
    }
}
