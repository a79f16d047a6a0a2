-- The open items of each team's queue as rotation-service sees them (OpenItemsProjection,
-- "open-items"): carried forward by a handover. One row per item, keyed by its natural key; every
-- column comes from events, so a rebuild from the topics yields the same rows.
create table handover_open_item (
    team            text        not null,
    kind            text        not null check (kind in ('ALERT', 'INCIDENT', 'QUESTION')),
    item_id         text        not null,
    status          text        not null check (status in ('OPEN', 'CLOSED')),
    opened_at       timestamptz,
    last_starts_at  timestamptz,
    closed_at       timestamptz,
    primary key (team, kind, item_id)
);
create index handover_open_item_open on handover_open_item (team) where status = 'OPEN';
