package io.commandpost.events.lifecycle;

/** Open from a firing until a resolve (the tool's or a person's). */
public enum AlertStatus { OPEN, RESOLVED }
