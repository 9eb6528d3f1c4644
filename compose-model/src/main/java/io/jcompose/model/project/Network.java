package io.jcompose.model.project;

import java.util.Map;

/**
 * A top-level network ({@code networks.<key>}).
 *
 * @param name       the engine name ({@code <project>_<key>} unless written or external), or null
 * @param driver     the driver ({@code bridge} when null)
 * @param driverOpts driver options
 * @param ipam       address management, or null
 * @param external   created outside the project: never created or removed
 * @param internal   no external connectivity
 * @param attachable standalone containers may attach
 * @param labels     network labels
 * @param enableIpv4 IPv4 on or off, or null for the default
 * @param enableIpv6 IPv6 on or off, or null for the default
 * @param extensions {@code x-*} keys
 */
public record Network(String name, String driver, Map<String, String> driverOpts, Ipam ipam, boolean external,
                      boolean internal, boolean attachable, Map<String, String> labels, Boolean enableIpv4,
                      Boolean enableIpv6, Map<String, Object> extensions) {

    public Network {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
        extensions = Copies.map(extensions);
    }
}
