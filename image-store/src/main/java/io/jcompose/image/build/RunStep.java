package io.jcompose.image.build;

import io.jcompose.image.snapshot.Mount;
import java.util.List;
import java.util.Map;

/**
 * One RUN step as the runner executes it.
 *
 * @param network "none" unless the build asks for "host"
 */
public record RunStep(String id, Mount rootfs, List<String> args, List<String> env, String user,
                      String workingDir, String network, Map<String, List<String>> extraHosts, Long shmSize) {
}
