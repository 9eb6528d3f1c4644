package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * A top-level AI model ({@code models.<key>}; Docker Desktop only, kept so nothing is lost).
 *
 * @param name         the engine name, or null
 * @param model        the model reference
 * @param contextSize  context size in tokens, or null
 * @param runtimeFlags raw flags for the inference engine
 * @param extensions   {@code x-*} keys
 */
public record Model(String name, String model, Long contextSize, List<String> runtimeFlags,
                    Map<String, Object> extensions) {

    public Model {
        runtimeFlags = Copies.list(runtimeFlags);
        extensions = Copies.map(extensions);
    }
}
