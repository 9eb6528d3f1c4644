package io.jcompose.agent.api.v1;

import java.util.List;

/**
 * One line of a build's stream. {@code type} is {@code step} (a step begins: number, total, stage,
 * text), {@code cached} (the step was taken from the cache), {@code output} (a line the step printed),
 * {@code stepDone} (millis), then exactly one of {@code done} (imageId, tags) or {@code failed}
 * (error): the stream's HTTP status is sent before the build ends, so a failure travels in the body.
 */
public record BuildEventView(String type, Integer step, Integer total, String stage, String text, String line,
                             Long millis, String imageId, List<String> tags, ErrorBody error) {
    public static BuildEventView failed(ErrorBody error) {
        return new BuildEventView("failed", null, null, null, null, null, null, null, null, error);
    }
}
