/**
 * Domain exceptions every service's pure core throws: a rule violated in the current state
 * ({@link io.commandpost.platform.domain.RuleViolationException}), a command that can never be valid
 * ({@link io.commandpost.platform.domain.InvalidCommandException}), something that does not exist
 * ({@link io.commandpost.platform.domain.NotFoundException}). They name command fields, never HTTP
 * things; the platform's HTTP adapter maps them to problem+json.
 */
package io.commandpost.platform.domain;
