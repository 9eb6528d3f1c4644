package io.jcompose.network;

import io.jcompose.network.address.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a network should be, in the engine's terms: the Compose {@code networks.NAME} entry after
 * the agent resolved its full name. {@code driverOptions} keeps {@code driver_opts} as written; the
 * manager understands the MTU and masquerade options and reports the others back as ignored.
 *
 * <p>{@code external} means "must already exist": creating such a spec never makes anything and
 * fails when the network is missing.
 */
public record NetworkSpec(NetworkName name, Map<String, String> labels, boolean internal, boolean external,
                          boolean enableIpv6, Map<String, String> driverOptions, List<IpamConfig> ipam) {

    /** Docker's bridge driver option for the MTU of the bridge and of every veth on it. */
    public static final String MTU_OPTION = "com.docker.network.driver.mtu";
    /** Docker's bridge driver option that turns masquerading off when "false". */
    public static final String MASQUERADE_OPTION = "com.docker.network.bridge.enable_ip_masquerade";

    public NetworkSpec {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
        driverOptions = Map.copyOf(Objects.requireNonNull(driverOptions, "driverOptions"));
        ipam = List.copyOf(Objects.requireNonNull(ipam, "ipam"));
        mtuOf(name, driverOptions);
        if (!enableIpv6 && ipam.stream().anyMatch(c -> c.subnet().family() == IpFamily.V6)) {
            throw NetworkException.invalid("network " + name + " has an IPv6 subnet in ipam.config but IPv6 is not enabled",
                    "set enable_ipv6: true on the network");
        }
        for (int i = 0; i < ipam.size(); i++) {
            for (int j = i + 1; j < ipam.size(); j++) {
                if (ipam.get(i).subnet().overlaps(ipam.get(j).subnet())) {
                    throw NetworkException.invalid("network " + name + " lists overlapping subnets "
                            + ipam.get(i).subnet() + " and " + ipam.get(j).subnet(), "keep one of them");
                }
            }
        }
    }

    /** A plain bridge network with an address from the default pool. */
    public static NetworkSpec of(NetworkName name) {
        return new NetworkSpec(name, Map.of(), false, false, false, Map.of(), List.of());
    }

    public static NetworkSpec of(String name) {
        return of(NetworkName.of(name));
    }

    public NetworkSpec withLabels(Map<String, String> newLabels) {
        return new NetworkSpec(name, newLabels, internal, external, enableIpv6, driverOptions, ipam);
    }

    public NetworkSpec withInternal(boolean newInternal) {
        return new NetworkSpec(name, labels, newInternal, external, enableIpv6, driverOptions, ipam);
    }

    public NetworkSpec withExternal(boolean newExternal) {
        return new NetworkSpec(name, labels, internal, newExternal, enableIpv6, driverOptions, ipam);
    }

    public NetworkSpec withIpv6(boolean enable) {
        return new NetworkSpec(name, labels, internal, external, enable, driverOptions, ipam);
    }

    public NetworkSpec withDriverOptions(Map<String, String> options) {
        return new NetworkSpec(name, labels, internal, external, enableIpv6, options, ipam);
    }

    public NetworkSpec withIpam(List<IpamConfig> configs) {
        return new NetworkSpec(name, labels, internal, external, enableIpv6, driverOptions, configs);
    }

    /** The MTU from {@code driver_opts}, or 0 for the kernel default. */
    public int mtu() {
        return mtuOf(name, driverOptions);
    }

    /** False only when {@code driver_opts} turns masquerading off. */
    public boolean masquerade() {
        return !"false".equalsIgnoreCase(driverOptions.getOrDefault(MASQUERADE_OPTION, "true").strip());
    }

    /** The driver options this manager does not act on (the agent may warn about them). */
    public List<String> ignoredDriverOptions() {
        return driverOptions.keySet().stream()
                .filter(k -> !k.equals(MTU_OPTION) && !k.equals(MASQUERADE_OPTION))
                .sorted().toList();
    }

    private static int mtuOf(NetworkName name, Map<String, String> options) {
        String text = options.get(MTU_OPTION);
        if (text == null) {
            return 0;
        }
        try {
            int mtu = Integer.parseInt(text.strip());
            if (mtu < 68 || mtu > 65535) {
                throw new NumberFormatException();
            }
            return mtu;
        } catch (NumberFormatException e) {
            throw NetworkException.invalid("network " + name + ": driver_opts." + MTU_OPTION + " '" + text
                    + "' is not a valid MTU", "use a number from 68 to 65535, for example 1450");
        }
    }
}
