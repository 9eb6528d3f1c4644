package io.jcompose.image.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The platform of an index entry. */
public record PlatformJson(String architecture, String os, @JsonProperty("os.version") String osVersion,
                           @JsonProperty("os.features") List<String> osFeatures, String variant,
                           List<String> features) {
}
