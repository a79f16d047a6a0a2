-- What people did with queue items (QueueProjection, "mro-queue"): who acted last and how, who owns the item
-- (claimed it, or received it in a handover), until when a question is snoozed, where a question came from.
-- Every column comes from events, so a rebuild from the topics yields the same rows.
create table queue_activity (
    team           text        not null,
    kind           text        not null check (kind in ('ALERT', 'INCIDENT', 'QUESTION')),
    item_id        text        not null,
    last_actor     text,
    last_action    text,
    last_acted_at  timestamptz,
    owner          text,
    owned_since    timestamptz,
    snoozed_until  timestamptz,
    channel        text,
    thread_ref     text,
    primary key (team, kind, item_id)
);

-- The latest handover of each team (shift.handed-over), for the "since the last handover" view.
create table queue_handover (
    team             text        primary key,
    handover_id      uuid        not null,
    from_member      text        not null,
    to_member        text        not null,
    handed_over_at   timestamptz not null
);
