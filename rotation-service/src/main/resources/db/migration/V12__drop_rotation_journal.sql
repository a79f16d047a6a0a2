-- V10's rotation_journal was never written: rest skips, leave and overrides became events on the
-- team and shift streams, so the table (and its index) go.
drop table if exists rotation_journal;
