-- Event-sourcing spine shared by every service (migrations V1-V9 belong to the platform;
-- a service's own migrations start at V10).

create table event_store (
    global_position  bigserial primary key,
    stream_id        text        not null,
    stream_type      text        not null,
    version          bigint      not null,
    event_id         uuid        not null unique,
    event_type       text        not null,
    envelope         jsonb       not null,
    occurred_at      timestamptz not null,
    constraint event_store_stream_version unique (stream_type, stream_id, version)
);

create table outbox (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    record_key    text        not null,
    envelope      text        not null,
    created_at    timestamptz not null,
    published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;

-- Idempotency of consumers: an event is applied by a consumer at most once.
create table processed_events (
    consumer      text        not null,
    event_id      uuid        not null,
    processed_at  timestamptz not null,
    primary key (consumer, event_id)
);
