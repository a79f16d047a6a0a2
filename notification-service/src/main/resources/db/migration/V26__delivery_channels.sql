-- Every delivery names its channel (delivery method): webhook, team-channel, slack, email. What the provider
-- answered is kept per delivery, so a retry or an update finds the message it already has (Slack: channel id +
-- ts; email: Message-ID) and never sends it twice. Its own table, without a foreign key: it is written in its
-- own transaction right after the provider answered, while the delivery's row is still locked by the attempt.
create table delivery_provider_message (
    notification_id      uuid        primary key,
    provider_channel     text,
    provider_message_id  text        not null,
    recorded_at          timestamptz not null
);
