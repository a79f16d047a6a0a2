-- Projection "on-call" (rebuildable) learns team names, member skills and handovers.
alter table oncall_member add column skills jsonb not null default '[]';

create table oncall_team (
    team_id    text primary key,
    name       text,
    time_zone  text
);

-- Handovers by id, for the overnight digest and acceptance reminders. A row may be created by either
-- ShiftHandedOver or ShiftHandoverAccepted, whichever arrives first.
create table oncall_handover (
    handover_id     uuid        primary key,
    team_id         text        not null,
    shift_id        uuid,
    from_member     text,
    to_team_id      text,
    to_member       text,
    notes           text,
    open_items      int,
    accept_by       timestamptz,
    handed_over_at  timestamptz,
    accepted_by     text,
    accepted_at     timestamptz
);

-- Deliveries of every kind share the table and the worker.
alter table notification add column kind text not null default 'PAGE'
    check (kind in ('PAGE', 'REMINDER', 'ANNOUNCEMENT'));
alter table notification alter column alert drop not null;
-- The source event an announcement or reminder is rendered from (null for pages).
alter table notification add column subject jsonb;
-- The text of an announcement or reminder, fixed at its first attempt so every retry sends the same.
alter table notification add column message text;
-- A delivery whose recipient (or text) cannot be resolved yet waits for the on-call projection until then.
alter table notification add column resolve_until timestamptz;
alter table notification drop constraint notification_status_check;
alter table notification add constraint notification_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED'));
