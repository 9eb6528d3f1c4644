package io.jcompose.agent.container;

import java.util.Locale;

/** What can be asked of a container; the {@link ContainerState} table says when. */
public enum Operation {
    START, STOP, KILL, PAUSE, UNPAUSE, REMOVE, EXEC;

    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
