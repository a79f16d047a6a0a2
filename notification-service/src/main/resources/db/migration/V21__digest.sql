-- Projection "digest" (rebuildable, ADR 0021): what the 09:00 announcement's overnight digest lists. One row per
-- alert (team + dedup key, its shared AlertLifecycle state kept to fold the next event), incident and question, with
-- when it arrived and when it closed (null while open); and who rests on which day and why.
create table digest_item (
    team        text        not null,
    kind        text        not null check (kind in ('alert', 'incident', 'question')),
    item_id     text        not null,
    title       text,
    state       jsonb,
    arrived_at  timestamptz,
    closed_at   timestamptz,
    primary key (team, kind, item_id)
);
create index digest_item_open on digest_item (team, closed_at);

create table digest_rest (
    team      text not null,
    day       date not null,
    member    text not null,
    covering  text,
    reason    text not null,
    primary key (team, day, member)
);
