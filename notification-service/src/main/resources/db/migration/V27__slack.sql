-- Slack apps, one per workspace, as the API configured them. Credentials are AES-GCM sealed (SecretBox), never
-- returned by the API.
create table slack_workspace (
    slack_team_id       text        primary key,
    name                text,
    bot_token_enc       bytea       not null,
    signing_secret_enc  bytea       not null,
    updated_at          timestamptz not null
);

-- Which workspace and channel a CommandPost team uses: its pages to the team channel go there, and its people are
-- paged by DM in that workspace.
create table slack_team_channel (
    team           text        primary key,
    slack_team_id  text        not null references slack_workspace (slack_team_id) on delete cascade,
    channel_id     text        not null,
    updated_at     timestamptz not null
);
