package io.commandpost.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Every {@link ChannelSender} bean by its channel; a delivery for a channel nobody serves fails for good. */
@ApplicationScoped
public class ChannelSenders {

    private final Map<String, ChannelSender> byChannel = new HashMap<>();

    ChannelSenders(Instance<ChannelSender> senders) {
        for (ChannelSender sender : senders) {
            ChannelSender clash = byChannel.put(sender.channel(), sender);
            if (clash != null) {
                throw new IllegalStateException("two senders for channel " + sender.channel() + ": "
                        + clash.getClass().getName() + " and " + sender.getClass().getName());
            }
        }
    }

    public AttemptResult send(Notification notification, Instant now) {
        ChannelSender sender = byChannel.get(notification.channel());
        if (sender == null) {
            return AttemptResult.failedForGood("no sender for channel " + notification.channel());
        }
        return sender.send(notification, now);
    }
}
