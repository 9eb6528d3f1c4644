package io.jcompose.image.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One entry of {@code manifest.json} in a {@code docker save} archive. */
public record DockerArchiveJson(@JsonProperty("Config") String config, @JsonProperty("RepoTags") List<String> repoTags,
                                @JsonProperty("Layers") List<String> layers) {
}
