-- The incident a Slack channel runs (ADR 0021): /incident declare in a channel makes it that channel's incident, so
-- /incident ic|task|update|resolve there act on it; a resolve through Slack frees the channel.
create table slack_incident_channel (
    channel_id   text        primary key,
    incident_id  uuid        not null,
    team         text        not null,
    declared_at  timestamptz not null
);
