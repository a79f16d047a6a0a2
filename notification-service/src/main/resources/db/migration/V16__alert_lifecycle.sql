-- Paging's view of every alert (team + dedup key): the shared AlertLifecycle fold of the alerts topic (tool and
-- person events), as JSON. The person-action API reads it to refuse acts on unknown or closed alerts.
create table alert_lifecycle (
    team        text        not null,
    dedup_key   text        not null,
    state       jsonb       not null,
    page_alert  jsonb,
    updated_at  timestamptz not null,
    primary key (team, dedup_key)
);

-- Each team's paging policy (escalation steps, repeat, acknowledgement timeout, flood window), as the API took it.
-- A team without a row follows the default policy.
create table paging_policy (
    team        text        primary key,
    policy      jsonb       not null,
    updated_at  timestamptz not null
);

-- The deliveries made for each escalation step (one per recipient), so a step event is turned into deliveries
-- once whatever path sees it first, and a delivery that fails for good finds its step.
create table page_step (
    step_event_id    uuid        primary key,
    stream_id        text        not null,
    occurrence       int         not null,
    step             int         not null,
    round            int         not null,
    created_at       timestamptz not null
);
create table page_step_delivery (
    notification_id  uuid        primary key,
    step_event_id    uuid        not null references page_step (step_event_id)
);

-- On-call projection (rebuildable): every shift rotation started (both kinds), the handovers of each shift and the
-- overrides, so that who is on duty at an instant is answered from rotation's facts (OnDuty).
create table oncall_shift (
    team_id    text        not null,
    shift_id   uuid        not null,
    kind       text        not null,
    member     text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz,
    primary key (team_id, shift_id)
);
create index oncall_shift_start on oncall_shift (team_id, starts_at);
create table oncall_shift_handover (
    handover_id     uuid        primary key,
    team_id         text        not null,
    shift_id        uuid        not null,
    to_team_id      text,
    to_member       text        not null,
    handed_over_at  timestamptz not null
);
create table oncall_override (
    override_id    uuid        primary key,
    team_id        text        not null,
    kind           text,
    add_member     text        not null,
    remove_member  text,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    recorded_at    timestamptz not null
);

-- The follow-the-sun partner team (PartnerTeamSet): escalation's partner-on-duty target pages its on-duty person.
alter table oncall_team add column partner_team_id text;
