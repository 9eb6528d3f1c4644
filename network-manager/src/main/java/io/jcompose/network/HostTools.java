package io.jcompose.network;

import io.jcompose.network.attach.Veths;
import io.jcompose.network.bridge.Bridges;
import io.jcompose.network.bridge.InterfaceNames;
import io.jcompose.network.host.CommandRunner;
import io.jcompose.network.host.ProcessRunner;
import io.jcompose.network.host.Sysctl;
import io.jcompose.network.link.IpTool;
import io.jcompose.network.link.Links;
import io.jcompose.network.link.Routes;
import io.jcompose.network.netns.MountTable;
import io.jcompose.network.netns.NamespaceFiles;
import io.jcompose.network.nftables.Firewall;
import io.jcompose.network.nftables.Nft;
import io.jcompose.network.port.PortCheck;
import io.jcompose.network.port.PortHolders;
import io.jcompose.network.port.PortPublisher;
import io.jcompose.network.port.PortReservations;
import io.jcompose.network.state.StateStore;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** The kernel-facing parts of one manager, wired once from its configuration. */
record HostTools(InterfaceNames names, IpTool ip, Links links, Routes routes, Bridges bridges, Veths veths,
                 NamespaceFiles namespaces, MountTable mounts, Firewall firewall, Sysctl sysctl,
                 PortReservations reservations, PortPublisher publisher, PortCheck portCheck, StateStore store,
                 RandomGenerator random) {

    static HostTools of(NetworkManagerConfig config) {
        RandomGenerator random = new SecureRandom();
        CommandRunner runner = new ProcessRunner(config.host());
        IpTool ip = new IpTool(runner);
        Sysctl sysctl = new Sysctl(config.host());
        MountTable mounts = new MountTable();
        PortReservations reservations = new PortReservations(config.host());
        PortPublisher publisher = new PortPublisher(reservations, new PortHolders(config.host()), config.host());
        return new HostTools(new InterfaceNames(config.prefix()), ip, new Links(ip), new Routes(ip),
                new Bridges(ip, sysctl, random), new Veths(ip), new NamespaceFiles(config.netnsDir(), runner, mounts), mounts,
                new Firewall(new Nft(runner), config.table(), config.forwardMark()), sysctl, reservations,
                publisher, new PortCheck(publisher), new StateStore(config.stateDir()), random);
    }
}
