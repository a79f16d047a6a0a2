-- alert.acknowledged: when a sender first acknowledged the alert's current (or last resolved) occurrence.
-- Null when it was not, and for incidents and questions. Comes from the event's receivedAt, so a rebuild agrees.
alter table queue_item add column acknowledged_at timestamptz;
