package io.jcompose.agent.api.v1;

import java.util.Map;

/**
 * A container as {@code inspect} and {@code list} return it.
 *
 * @param state     created, running, paused or exited
 * @param pid       host pid of its init process while running, else 0
 * @param exitCode  null until it has exited once
 * @param oomKilled whether the last exit was the memory limit's doing
 */
public record ContainerView(String id, String name, Map<String, String> labels, String state, int pid,
                            Integer exitCode, boolean oomKilled, String createdAt, String startedAt,
                            String finishedAt, ContainerSpecBody spec) {
}
