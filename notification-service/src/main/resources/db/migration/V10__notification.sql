-- Projection "on-call": rows are a pure function of TEAMS and SHIFTS events (rebuildable).
create table oncall_member (
    team_id        text not null,
    handle         text not null,
    display_name   text,
    email          text,
    slack_user_id  text,
    time_zone      text,
    primary key (team_id, handle)
);

-- The current MRO of each team: the MRO_DAY shift with the latest starts_at.
create table oncall_mro (
    team_id    text        primary key,
    shift_id   uuid        not null,
    member     text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz
);

-- Paging state (side effects, not rebuildable): which alerts are open and which page covers them.
create table open_alert (
    team             text        not null,
    dedup_key        text        not null,
    notification_id  uuid        not null,
    opened_at        timestamptz not null,
    primary key (team, dedup_key)
);

-- One row per page: the delivery queue of the webhook worker and the history behind GET /v1/notifications.
create table notification (
    notification_id   uuid        primary key,
    team              text        not null,
    recipient_handle  text,
    recipient_name    text,
    recipient_email   text,
    recipient_slack   text,
    channel           text        not null,
    subject_type      text        not null,
    subject_id        text        not null,
    alert             jsonb       not null,
    triggered_by      uuid        not null,
    correlation_id    uuid,
    status            text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts          int         not null default 0,
    next_attempt_at   timestamptz,
    last_error        text,
    created_at        timestamptz not null,
    last_attempt_at   timestamptz,
    completed_at      timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_team on notification (team, created_at desc);
