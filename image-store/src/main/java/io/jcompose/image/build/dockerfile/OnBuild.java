package io.jcompose.image.build.dockerfile;

import java.util.function.Function;

/**
 * {@code ONBUILD instruction}: stored in the image and run when another build starts FROM it. The trigger is
 * never ONBUILD, FROM or MAINTAINER.
 */
public record OnBuild(int line, String text, Instruction trigger) implements Instruction {
    /** The trigger is expanded when it fires, in the downstream build. */
    @Override
    public OnBuild expand(Function<String, String> lookup, char escape) {
        return this;
    }

    /** The trigger as written, without the ONBUILD keyword (what an image config stores). */
    public String triggerText() {
        return trigger.text();
    }
}
