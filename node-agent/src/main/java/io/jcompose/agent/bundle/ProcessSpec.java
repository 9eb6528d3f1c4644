package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.util.List;
import java.util.Objects;

/**
 * The process a container runs, as the caller asked for it: names unresolved ({@code user} is
 * {@code name}, {@code uid}, {@code name:group} or {@code uid:gid}), env as {@code KEY=value}.
 *
 * @param args       the command line; the first element is looked up on PATH inside the container
 * @param env        {@code KEY=value} entries in order; later entries win
 * @param workingDir absolute path inside the container, {@code /} when empty
 * @param user       user spec, empty for root
 * @param groupAdd   extra groups by name or gid (compose {@code group_add})
 * @param tty        allocate a terminal
 * @param stdinOpen  keep stdin open
 */
public record ProcessSpec(List<String> args, List<String> env, String workingDir, String user, List<String> groupAdd,
                          boolean tty, boolean stdinOpen) {
    public ProcessSpec {
        args = List.copyOf(args);
        env = List.copyOf(env);
        groupAdd = List.copyOf(groupAdd);
        workingDir = Objects.requireNonNullElse(workingDir, "");
        user = Objects.requireNonNullElse(user, "");
        if (args.isEmpty()) {
            throw AgentException.invalid("the container has no command",
                    "give the service a command or an entrypoint");
        }
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) {
                throw AgentException.invalid("environment entry \"" + entry + "\" is not KEY=value",
                        "write it as KEY=value");
            }
        }
        if (!workingDir.isEmpty() && !workingDir.startsWith("/")) {
            throw AgentException.invalid("working directory \"" + workingDir + "\" is not absolute",
                    "use an absolute path such as /app");
        }
    }

    public static ProcessSpec of(List<String> args) {
        return new ProcessSpec(args, List.of(), "", "", List.of(), false, false);
    }

    public ProcessSpec withEnv(List<String> newEnv) {
        return new ProcessSpec(args, newEnv, workingDir, user, groupAdd, tty, stdinOpen);
    }

    public ProcessSpec withWorkingDir(String dir) {
        return new ProcessSpec(args, env, dir, user, groupAdd, tty, stdinOpen);
    }

    public ProcessSpec withUser(String newUser, List<String> groups) {
        return new ProcessSpec(args, env, workingDir, newUser, groups, tty, stdinOpen);
    }

    public ProcessSpec withTty(boolean newTty, boolean newStdinOpen) {
        return new ProcessSpec(args, env, workingDir, user, groupAdd, newTty, newStdinOpen);
    }
}
