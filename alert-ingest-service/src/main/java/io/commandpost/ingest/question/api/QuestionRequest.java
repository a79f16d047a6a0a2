package io.commandpost.ingest.question.api;

/** Body of {@code POST /v1/questions}. */
public record QuestionRequest(String team, String text, String asker, String threadRef) {
}
