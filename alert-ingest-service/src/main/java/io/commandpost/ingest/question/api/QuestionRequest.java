package io.commandpost.ingest.question.api;

/** Body of {@code POST /v1/questions}. Who asks is the caller; an {@code asker} an older client sends is ignored. */
public record QuestionRequest(String team, String text, String threadRef) {
}
