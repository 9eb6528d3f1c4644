package io.jcompose.agent.api.v1;

import java.util.Map;

/**
 * {@code POST /v1/volumes}.
 *
 * @param driver     {@code local} (default)
 * @param driverOpts the local driver's options; not supported yet (an error names them)
 */
public record VolumeCreateRequest(String name, Map<String, String> labels, String driver,
                                  Map<String, String> driverOpts) {
}
