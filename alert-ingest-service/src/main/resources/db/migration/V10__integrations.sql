-- Integrations are configuration owned by this service (not a projection): who may post alerts
-- for which team. Only the SHA-256 of a token is stored; the token itself is shown once.
create table integration (
    id                uuid        primary key,
    team              text        not null,
    type              text        not null,
    name              text        not null,
    default_priority  text,
    token_hash        bytea       not null unique,
    created_at        timestamptz not null,
    token_rotated_at  timestamptz,
    revoked_at        timestamptz
);
create index integration_team on integration (team);
