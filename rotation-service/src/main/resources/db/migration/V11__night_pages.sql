-- Rule 2 of issue 4: pages actually delivered to a member at night, from NotificationSent events.
-- One row per notification event (its id is the natural key, so a redelivery changes nothing).
-- recorded_at is when this service learnt of the page: a page learnt after the next day started
-- does not rewrite that day's plan.
create table night_pages (
    event_id        uuid        not null primary key,
    team_id         text        not null,
    member          text        not null,
    paged_at        timestamptz not null,
    rest_day        date        not null,
    notification_id uuid        not null,
    recorded_at     timestamptz not null
);
create index night_pages_team on night_pages (team_id, paged_at);
