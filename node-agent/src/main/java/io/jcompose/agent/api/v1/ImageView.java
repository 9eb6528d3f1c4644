package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * An image in the agent's store, as {@code image ls} and {@code image inspect} return it.
 *
 * @param id          the config digest, {@code sha256:…}
 * @param repoTags    normalized references with a tag ({@code docker.io/library/redis:7}); empty for a dangling image
 * @param repoDigests {@code repository@sha256:…} of the manifest or index it was pulled by
 * @param size        bytes of its (compressed) layers
 * @param created     when the image was built (RFC 3339), as its config says; may be null
 * @param labels      the image's labels
 * @param platform    {@code os/arch[/variant]}
 * @param config      what the image asks of a container; only {@code inspect} fills it
 */
public record ImageView(String id, List<String> repoTags, List<String> repoDigests, long size, String created,
                        Map<String, String> labels, String platform, ImageConfigView config) {

    /**
     * The image configuration a container starts from.
     *
     * @param exposedPorts e.g. {@code 80/tcp}
     * @param volumes      container paths the image declares as volumes
     * @param healthcheck  null when the image has none
     */
    public record ImageConfigView(List<String> entrypoint, List<String> cmd, List<String> env, String workingDir,
                                  String user, List<String> exposedPorts, List<String> volumes,
                                  ContainerSpecBody.HealthcheckBody healthcheck, String stopSignal,
                                  Map<String, String> labels) {
    }
}
