package io.jcompose.agent.api.v1;

import java.util.Map;

/**
 * One line of {@code GET /v1/events}.
 *
 * @param type     created, started, died, oom, paused, unpaused, destroyed, health_status, restarting
 * @param exitCode set on died
 * @param status   health_status: the new status (starting, healthy, unhealthy); restarting: the delay before
 *                 the restart as an ISO-8601 duration; else null
 */
public record EventView(String type, String id, String name, Map<String, String> labels, Integer exitCode,
                        String time, String status) {
}
