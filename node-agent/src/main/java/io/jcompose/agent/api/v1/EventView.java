package io.jcompose.agent.api.v1;

import java.util.Map;

/**
 * One line of {@code GET /v1/events}.
 *
 * @param type     create, start, die, oom, pause, unpause, destroy
 * @param exitCode set on die
 */
public record EventView(String type, String id, String name, Map<String, String> labels, Integer exitCode,
                        String time) {
}
