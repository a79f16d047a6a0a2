-- The MRO queue projection (QueueProjection, "mro-queue"): one row per item, keyed by its natural key.
-- Every column comes from events, so a rebuild from the topics yields the same rows.
create table queue_item (
    team            text        not null,
    kind            text        not null check (kind in ('ALERT', 'INCIDENT', 'QUESTION')),
    item_id         text        not null,
    status          text        not null check (status in ('OPEN', 'RESOLVED')),
    priority        text,
    summary         text,
    asker           text,
    opened_at       timestamptz,
    occurrences     integer     not null,
    last_starts_at  timestamptz,
    closed_at       timestamptz,
    primary key (team, kind, item_id)
);
create index queue_item_open on queue_item (team) where status = 'OPEN';
