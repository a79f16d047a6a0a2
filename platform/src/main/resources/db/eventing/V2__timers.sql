-- Durable timers: the next wake of one aggregate's stream, written in the same transaction as the
-- events that made it due, claimed by a due-worker with "for update skip locked" and deleted in the
-- transaction that appends what its tick decided, so each fires once across replicas.
create table timers (
    aggregate  text        not null,
    stream_id  text        not null,
    due_at     timestamptz not null,
    attempts   integer     not null default 0,
    primary key (aggregate, stream_id)
);
create index timers_due on timers (due_at);
