package io.jcompose.image.config;

import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an image asks of the container that runs it, read from its configuration blob. Lists and
 * maps are never null; strings are empty when the image leaves them unset.
 *
 * @param exposedPorts e.g. {@code 80/tcp}, {@code 53/udp}
 * @param volumes      container paths the image declares as volumes
 * @param healthcheck  null when the image declares none
 * @param diffIds      digests of the uncompressed layers, bottom first: they identify the content
 */
public record ImageConfig(Platform platform, String user, List<String> env, List<String> entrypoint,
                          List<String> cmd, String workingDir, Set<String> exposedPorts, Set<String> volumes,
                          Healthcheck healthcheck, String stopSignal, Map<String, String> labels,
                          List<Digest> diffIds, String created) {
    public ImageConfig {
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        exposedPorts = Collections.unmodifiableSet(new LinkedHashSet<>(exposedPorts));
        volumes = Collections.unmodifiableSet(new LinkedHashSet<>(volumes));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        diffIds = List.copyOf(diffIds);
    }

    public Optional<Healthcheck> optionalHealthcheck() {
        return Optional.ofNullable(healthcheck);
    }
}
