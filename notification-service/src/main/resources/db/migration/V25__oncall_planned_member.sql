-- issue 11 (ADR 0025): whom the rotation planned for a shift, before overrides. OnDuty applies the overrides
-- covering the instant to it, as rotation does, so an override active when the shift started ends when it ends.
-- Null for shifts projected before: the member who started it stands in.
alter table oncall_shift add column planned_member text;
