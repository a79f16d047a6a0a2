-- ADR 0022: email, contact methods and notification rules, answers to emailed questions.

-- Answers to questions are deliveries too (by email to the asker, a reply in the question's thread).
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('PAGE', 'REMINDER', 'ANNOUNCEMENT', 'ANSWER'));

-- A page a notification rule delays ("email after 2 minutes if not acknowledged"): the delivery row is the timer,
-- this row the occurrence it waits on; at its due time it is SKIPPED if that occurrence was acknowledged or resolved.
create table delayed_page (
    notification_id  uuid primary key,
    team             text not null,
    dedup_key        text not null,
    occurrence       int  not null
);

-- Each member's contact methods and notification rules as set through the API (a member without a row follows the
-- defaults, with the contact details of the member facts on the teams topic).
create table contact_preference (
    team        text        not null,
    handle      text        not null,
    methods     jsonb       not null,
    rules       jsonb       not null,
    updated_at  timestamptz not null,
    primary key (team, handle)
);

-- Each team's channels (Slack channel, email list, webhook) as set through the API.
create table team_channels (
    team        text        primary key,
    channels    jsonb       not null,
    updated_at  timestamptz not null
);

-- Questions asked by email (QuestionAsked on the questions topic), so their answer can go back in the same thread.
create table question_thread (
    question_id  uuid        primary key,
    team         text        not null,
    channel      text        not null,
    asker        text        not null,
    thread_ref   text,
    subject      text,
    question     text        not null,
    asked_at     timestamptz not null
);
