package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * A volume as create, list and inspect return it.
 *
 * @param mountpoint the volume's directory on the host
 * @param usedBy     names of the containers (running or not) that mount it
 * @param driverOpts the local driver's {@code type}/{@code o}/{@code device} as created (Docker's {@code Options})
 */
public record VolumeView(String name, Map<String, String> labels, String driver, String mountpoint, String createdAt,
                         List<String> usedBy, Map<String, String> driverOpts) {
}
