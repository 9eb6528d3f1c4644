package io.jcompose.image.build;

import io.jcompose.image.snapshot.Mount;
import java.util.List;
import java.util.Map;

/**
 * One {@code RUN} command, as a {@link StepRunner} gets it.
 *
 * @param id         unique per step (also the snapshot key): a name for the container
 * @param rootfs     the overlay to mount as its root file system
 * @param args       the process: the SHELL plus the script for shell form, the words for exec form
 * @param env        {@code KEY=value} entries: the image's environment with the build args in scope
 * @param user       {@code user[:group]} as the Dockerfile's USER gave it, empty for root
 * @param workingDir absolute path inside the root file system ({@code /} when the image sets none)
 * @param network    {@code none} unless the build asks for another ({@code host}, {@code default})
 * @param extraHosts host name to addresses, for {@code /etc/hosts}
 * @param shmSize    bytes of {@code /dev/shm}, null for the runtime's default
 */
public record RunStep(String id, Mount rootfs, List<String> args, List<String> env, String user,
                      String workingDir, String network, Map<String, List<String>> extraHosts, Long shmSize) {
    public RunStep {
        args = List.copyOf(args);
        env = List.copyOf(env);
        extraHosts = Map.copyOf(extraHosts);
    }
}
