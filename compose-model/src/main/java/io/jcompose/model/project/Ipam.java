package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * {@code networks.*.ipam}.
 *
 * @param driver  the IPAM driver, or null for the default
 * @param config  address pools
 * @param options driver options
 */
public record Ipam(String driver, List<IpamPool> config, Map<String, String> options) {
    public Ipam {
        config = Copies.list(config);
        options = Copies.map(options);
    }
}
