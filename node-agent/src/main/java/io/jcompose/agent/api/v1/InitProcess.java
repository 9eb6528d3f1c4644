package io.jcompose.agent.api.v1;

import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.error.AgentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code init: true}: a tiny init as PID 1 that reaps zombies and forwards signals to the command, as Docker's
 * {@code --init}. Debian's {@code tini} ships a static build, bind-mounted read-only where Docker puts its own
 * ({@code /sbin/docker-init}), so it runs in any image, even one without a C library. The container then
 * keeps the wrapped command line and the mount: both are part of its stored spec.
 */
public final class InitProcess {
    static final Path HOST_BINARY = Path.of("/usr/bin/tini-static");
    static final String TARGET = "/sbin/docker-init";

    private InitProcess() {
    }

    /** {@code args} run under the init; the {@code --} keeps the command's own options away from tini. */
    static List<String> wrap(List<String> args) {
        if (args.isEmpty()) {
            throw AgentException.invalid("init: true needs a command to run", "give the service a command or entrypoint");
        }
        if (args.getFirst().equals(TARGET)) {
            return args;
        }
        List<String> wrapped = new ArrayList<>(List.of(TARGET, "--"));
        wrapped.addAll(args);
        return wrapped;
    }

    static MountSpec mount() {
        if (!Files.isRegularFile(HOST_BINARY)) {
            throw AgentException.unavailable("init: true needs " + HOST_BINARY + ", which is not on this host",
                    "install Debian's tini package (apt-get install tini), or drop init: true");
        }
        return new MountSpec.Bind(HOST_BINARY, TARGET, true, MountSpec.Propagation.RPRIVATE, false);
    }
}
