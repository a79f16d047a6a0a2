package io.commandpost.notification.email;

import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.TeamChannels;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.PageChannel;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Email reaches a team through its email list while the email channel is on (the {@code team-channel} escalation
 * target); people are paged by email through their notification rules ({@code ContactBook#available}).
 */
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
    public boolean reachesTeam(String team) {
        return enabled && contacts.channels(team).map(TeamChannels::emailList).filter(list -> !list.isBlank())
                .isPresent();
    }
}
