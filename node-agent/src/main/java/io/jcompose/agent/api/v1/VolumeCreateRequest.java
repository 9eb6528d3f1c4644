package io.jcompose.agent.api.v1;

import java.util.Map;

/**
 * {@code POST /v1/volumes}.
 *
 * @param driver     {@code local} (default)
 * @param driverOpts the local driver's {@code type}, {@code o} and {@code device}, as {@code mount(8)} takes
 *                   them; empty for a plain directory
 */
public record VolumeCreateRequest(String name, Map<String, String> labels, String driver,
                                  Map<String, String> driverOpts) {
}
