package io.jcompose.network.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One external program to run: {@code action} says what it does ("create bridge jcb1f2e3d") and
 * becomes the "failed to …" of the error; {@code stdin} is fed to it when not null.
 */
public record Command(String action, List<String> argv, String stdin) {

    public Command {
        Objects.requireNonNull(action, "action");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    public static Command of(String action, String... argv) {
        return new Command(action, List.of(argv), null);
    }

    public Command withStdin(String input) {
        return new Command(action, argv, input);
    }

    /** The same command run inside the network namespace at {@code netns} (util-linux nsenter). */
    public Command inNamespace(Path netns) {
        List<String> wrapped = new ArrayList<>(argv.size() + 2);
        wrapped.add("nsenter");
        wrapped.add("--net=" + netns);
        wrapped.addAll(argv);
        return new Command(action, wrapped, stdin);
    }
}
