-- Type-specific configuration of an integration (Slack channel map, generic JSON mapping, heartbeat
-- interval) and, for Slack, the signing secret: encrypted (AES-GCM), never returned by the API.
alter table integration add column settings jsonb not null default '{}'::jsonb;
alter table integration add column secret_enc bytea;
create index integration_type_live on integration (type) where revoked_at is null;

-- Dead-man's switches: one row per heartbeat integration. overdue_since is set (once, under a row
-- lock) when the checker raised the alert, and cleared by the next ping, which resolves it.
create table heartbeat (
    integration_id    uuid        primary key references integration (id),
    interval_minutes  integer     not null check (interval_minutes > 0),
    last_ping_at      timestamptz not null,
    overdue_since     timestamptz
);

-- Slack Events API deliveries already taken (Slack retries: X-Slack-Retry-Num); a failed publish
-- deletes its row so that Slack's retry is processed.
create table slack_event (
    event_id     text        primary key,
    received_at  timestamptz not null
);
