-- The team directory (DirectoryProjection, "team-directory"): members with their skills from commandpost.teams.v1
-- and each team's latest started shift per kind from commandpost.shifts.v1, to suggest experts for an incident and
-- check that an expert is a member. Every column comes from events, so a rebuild yields the same rows.
create table directory_member (
    team          text   not null,
    handle        text   not null,
    display_name  text,
    skills        text[] not null,
    primary key (team, handle)
);
create index directory_member_handle on directory_member (handle);
create table directory_on_duty (
    team       text        not null,
    kind       text        not null,
    member     text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz,
    primary key (team, kind)
);
