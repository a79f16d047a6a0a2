-- rotation-service's own tables (V1-V9 belong to the platform's event store).
-- Teams and shifts live in the event store; this is the service's internal journal of rotation
-- decisions that have no shared event type yet (rest rule applied, leave, overrides). Rows are
-- immutable facts keyed by natural ids.
create table rotation_journal (
    team_id      text        not null,
    entry_id     uuid        not null primary key,
    entry_type   text        not null,
    entry        jsonb       not null,
    recorded_at  timestamptz not null
);
create index rotation_journal_team on rotation_journal (team_id, recorded_at);
