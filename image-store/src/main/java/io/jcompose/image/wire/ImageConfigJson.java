package io.jcompose.image.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The image configuration blob (OCI image config / Docker image JSON). */
public record ImageConfigJson(String created, String author, String architecture, String os,
                              @JsonProperty("os.version") String osVersion, String variant,
                              ContainerConfigJson config, RootFsJson rootfs, List<HistoryJson> history) {

    /** The runtime defaults; Docker's capitalized field names. */
    public record ContainerConfigJson(
            @JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Volumes") Map<String, Object> volumes,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("StopSignal") String stopSignal,
            @JsonProperty("Healthcheck") HealthcheckJson healthcheck,
            @JsonProperty("ArgsEscaped") Boolean argsEscaped,
            @JsonProperty("OnBuild") List<String> onBuild,
            @JsonProperty("Shell") List<String> shell) {
    }

    /** Docker's health check; durations are nanoseconds. */
    public record HealthcheckJson(@JsonProperty("Test") List<String> test,
                                  @JsonProperty("Interval") Long interval,
                                  @JsonProperty("Timeout") Long timeout,
                                  @JsonProperty("StartPeriod") Long startPeriod,
                                  @JsonProperty("StartInterval") Long startInterval,
                                  @JsonProperty("Retries") Integer retries) {
    }

    public record RootFsJson(String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    public record HistoryJson(String created, @JsonProperty("created_by") String createdBy, String author,
                              String comment, @JsonProperty("empty_layer") Boolean emptyLayer) {
    }
}
