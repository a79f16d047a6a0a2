-- The 09:00 digest reads alerts from alert_lifecycle (the paging consumer's fold of every alert, the same shared
-- AlertLifecycle the digest projection ran a second time per alert event) instead of a copy in digest_item: the
-- digest projection no longer reads the alerts topic (ADR 0035). The columns the digest filters on are kept beside
-- the state, written with it.
alter table alert_lifecycle add column title text, add column opened_at timestamptz, add column closed_at timestamptz;
update alert_lifecycle set title = state ->> 'summary', opened_at = (state ->> 'openedAt')::timestamptz,
    closed_at = case when state ->> 'status' = 'OPEN' then null else (state ->> 'resolvedAt')::timestamptz end;
create index alert_lifecycle_digest on alert_lifecycle (team, opened_at);

delete from digest_item where kind = 'alert';

-- What the digest lists: its own incidents and questions, and every alert as alert_lifecycle has it.
create view digest_entry as
    select team, kind, item_id, title, arrived_at, closed_at from digest_item
    union all
    select team, 'alert', dedup_key, title, opened_at, closed_at from alert_lifecycle;
