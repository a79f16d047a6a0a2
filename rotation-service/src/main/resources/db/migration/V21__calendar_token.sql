-- The secret in a team's calendar feed URLs. Only its SHA-256 is kept: a new token replaces the old.
create table calendar_token (
    team_id     text        not null primary key,
    token_hash  text        not null,
    created_at  timestamptz not null
);
