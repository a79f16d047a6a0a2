package io.commandpost.events;

/** What a shift covers. */
public enum ShiftKind {
    /** The interrupt person of the working day. */
    MRO_DAY,
    /** The hours outside the MRO day. */
    NIGHT_DUTY
}
