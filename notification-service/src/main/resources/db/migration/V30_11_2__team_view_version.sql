-- Each team's version of the facts a page decision reads (on-call rows, members, contact preferences, paging policy),
-- bumped from one sequence by every writer of them in its own transaction; a replica keeps what it loaded while the
-- version has not moved (TeamViews, ADR 0035). A team without a row is at version 0.
create sequence team_view_version_seq;
create table team_view_version (
    team     text   primary key,
    version  bigint not null
);

-- "remove only" overrides (GoAlert's, as rotation records them) add nobody
alter table oncall_override alter column add_member drop not null;
