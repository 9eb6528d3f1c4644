package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.model.project.PortConfig;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Restart;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceVolume;
import io.jcompose.scheduler.naming.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The container of {@code jcompose run}, as docker compose makes it: the service with the command line's
 * overrides, named {@code <project>-<service>-run-<12 hex>}, labelled {@code com.docker.compose.oneoff=True} and
 * {@code com.docker.compose.slug=<64 hex>}, no restart policy, no published ports unless asked, and no network
 * aliases unless {@code --use-aliases}. Pure: the caller supplies the randomness and the environment.
 */
final class OneOff {
    static final String SLUG = Labels.PREFIX + "slug";

    private OneOff() {
    }

    /** 64 hex digits, as docker's random ids. */
    static String slug(RandomGenerator random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String name(String project, String service, String slug) {
        return project + "-" + service + "-run-" + slug.substring(0, 12);
    }

    /** The service as the one-off runs it: the overrides of {@code cmd} applied. */
    static Service apply(Project project, Service service, RunCommand cmd, String containerName,
                         Map<String, String> environment) {
        var b = service.toBuilder();
        if (!cmd.command.isEmpty()) b.command(List.copyOf(cmd.command));
        if (cmd.entrypoint != null) b.entrypoint(words(cmd.entrypoint));
        if (cmd.user != null) b.user(cmd.user);
        if (cmd.workdir != null) b.workingDir(cmd.workdir);
        if (!cmd.env.isEmpty()) b.environment(environment(service.environment(), cmd.env, environment));
        if (!cmd.labels.isEmpty()) b.labels(labels(service.labels(), cmd.labels));
        List<PortConfig> ports = new ArrayList<>(cmd.servicePorts ? service.ports() : List.of());
        for (String p : cmd.publish) ports.add(port(p));
        b.ports(ports);
        if (!cmd.volumes.isEmpty()) {
            List<ServiceVolume> mounts = new ArrayList<>(service.volumes());
            for (String v : cmd.volumes) mounts.add(volume(project, v));
            b.volumes(mounts);
        }
        // No terminal or input unless the caller attaches them (RunOneOff); a one-off is never restarted: it ends
        // when its command does.
        b.tty(false).stdinOpen(false).restart(Restart.NO).containerName(containerName);
        return b.build();
    }

    /** The translated request made a one-off's: its name, no restart policy, aliases only with --use-aliases. */
    static CreateContainerRequest finish(CreateContainerRequest request, String name, boolean useAliases) {
        ContainerSpecBody s = request.spec();
        List<NetworkAttachmentBody> networks = s.networks();
        if (networks != null && !useAliases) {
            List<NetworkAttachmentBody> plain = new ArrayList<>(networks.size());
            for (NetworkAttachmentBody n : networks) {
                plain.add(new NetworkAttachmentBody(n.network(), List.of(), n.ipv4Address(), n.ipv6Address(),
                        n.macAddress(), n.priority(), n.gwPriority()));
            }
            networks = List.copyOf(plain);
        }
        ContainerSpecBody spec = new ContainerSpecBody(s.command(), s.env(), s.workingDir(), s.user(), s.groupAdd(),
                s.tty(), s.stdinOpen(), s.rootfs(), s.readOnly(), s.hostname(), s.domainname(), s.networkMode(),
                s.netnsPath(), s.extraHosts(), s.dns(), s.dnsSearch(), s.dnsOptions(), s.hostPid(), s.hostIpc(),
                s.hostCgroupns(), s.privileged(), s.capAdd(), s.capDrop(), s.noNewPrivileges(), s.memoryLimit(),
                s.memoryReservation(), s.memorySwap(), s.cpuShares(), s.cpus(), s.pidsLimit(), s.ulimits(), s.sysctls(),
                s.mounts(), s.shmSize(), s.stopSignal(), s.stopGracePeriodMillis(), s.image(), s.entrypoint(), networks,
                s.ports(), "no", s.healthcheck(), s.init());
        return new CreateContainerRequest(name, request.labels(), spec);
    }

    /** The replica labels plus what marks a one-off. */
    static Map<String, String> labels(Map<String, String> replicaLabels, String slug) {
        Map<String, String> out = new LinkedHashMap<>(replicaLabels);
        out.put(Labels.ONEOFF, "True");
        out.put(SLUG, slug);
        return out;
    }

    private static Map<String, String> environment(Map<String, String> base, List<String> given,
                                                   Map<String, String> cliEnvironment) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (String e : given) {
            int eq = e.indexOf('=');
            if (eq == 0) throw new CommandFailure("-e " + e + ": expected KEY=VALUE or KEY");
            if (eq > 0) {
                out.put(e.substring(0, eq), e.substring(eq + 1));
            } else if (cliEnvironment.containsKey(e)) {
                out.put(e, cliEnvironment.get(e)); // KEY alone: this environment's value, as docker does
            }
        }
        return out;
    }

    private static Map<String, String> labels(Map<String, String> base, List<String> given) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (String l : given) {
            int eq = l.indexOf('=');
            if (eq <= 0) throw new CommandFailure("-l " + l + ": expected KEY=VALUE");
            out.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return out;
    }

    /** {@code [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]}; an empty host port is an ephemeral one. */
    static PortConfig port(String spec) {
        String rest = spec;
        PortConfig.Protocol protocol = PortConfig.Protocol.TCP;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = switch (rest.substring(slash + 1)) {
                case "tcp" -> PortConfig.Protocol.TCP;
                case "udp" -> PortConfig.Protocol.UDP;
                default -> throw badPort(spec);
            };
            rest = rest.substring(0, slash);
        }
        String[] parts = rest.split(":", -1);
        String hostIp = null;
        String published = null;
        String target;
        switch (parts.length) {
            case 1 -> target = parts[0];
            case 2 -> {
                published = parts[0];
                target = parts[1];
            }
            case 3 -> {
                hostIp = parts[0];
                published = parts[1];
                target = parts[2];
            }
            default -> throw badPort(spec);
        }
        try {
            int port = Integer.parseInt(target);
            if (port < 1 || port > 65535) throw badPort(spec);
            if (published != null && !published.isEmpty()) {
                int host = Integer.parseInt(published);
                if (host < 0 || host > 65535) throw badPort(spec);
            }
            return new PortConfig(null, null, hostIp == null || hostIp.isEmpty() ? null : hostIp, port,
                    published == null || published.isEmpty() ? null : published, protocol, null);
        } catch (NumberFormatException e) {
            throw badPort(spec);
        }
    }

    private static CommandFailure badPort(String spec) {
        return new CommandFailure("-p " + spec + ": expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp|/udp], "
                + "e.g. -p 8080:80 or -p 127.0.0.1:8080:80/tcp");
    }

    /**
     * {@code SRC:DST[:ro|rw]} or {@code DST}: a path source ({@code /…}, {@code ./…}, {@code ~/…}) is a bind, relative
     * to the project directory; a name must be a volume the compose file declares; {@code DST} alone is an anonymous
     * volume.
     */
    static ServiceVolume volume(Project project, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty()) throw badVolume(spec);
        if (parts.length == 1) {
            return new ServiceVolume(ServiceVolume.Type.VOLUME, null, absoluteTarget(spec, parts[0]), false, null, null,
                    new ServiceVolume.VolumeOptions(Map.of(), false, null), null, null);
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            readOnly = switch (parts[2]) {
                case "ro" -> true;
                case "rw" -> false;
                default -> throw badVolume(spec);
            };
        }
        String source = parts[0];
        String target = absoluteTarget(spec, parts[1]);
        if (source.startsWith("/") || source.startsWith(".") || source.startsWith("~")) {
            Path base = project.workingDir() == null ? Path.of("") : project.workingDir();
            Path host = source.startsWith("~") ? Path.of(System.getProperty("user.home") + source.substring(1))
                    : base.resolve(source);
            return new ServiceVolume(ServiceVolume.Type.BIND, host.toAbsolutePath().normalize().toString(), target,
                    readOnly, null, new ServiceVolume.BindOptions(null, true, null, null), null, null, null);
        }
        if (!project.volumes().containsKey(source)) {
            throw new CommandFailure("-v " + spec + ": volume " + source + " is not declared in the compose file — "
                    + "declare it under volumes:, or give a path (./" + source + ") to bind a directory");
        }
        return new ServiceVolume(ServiceVolume.Type.VOLUME, source, target, readOnly, null, null,
                new ServiceVolume.VolumeOptions(Map.of(), false, null), null, null);
    }

    private static String absoluteTarget(String spec, String target) {
        if (!target.startsWith("/")) throw badVolume(spec);
        return target;
    }

    private static CommandFailure badVolume(String spec) {
        return new CommandFailure("-v " + spec + ": expected SRC:DST[:ro|rw] with an absolute DST, or DST alone, "
                + "e.g. -v ./data:/data:ro");
    }

    /** A command line split as a POSIX shell splits words: blanks separate, quotes and backslashes escape. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else word.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new CommandFailure("--entrypoint " + line + ": unterminated quote");
        if (inWord) out.add(word.toString());
        return out;
    }
}
