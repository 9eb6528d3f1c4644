package io.jcompose.scheduler.translate;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.HealthcheckBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.UlimitBody;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.log.LogPolicy;
import io.jcompose.model.project.Healthcheck;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ResourceLimit;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Ulimit;
import io.jcompose.scheduler.naming.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service replica → the agent's {@link CreateContainerRequest}. Every attribute is either carried into a
 * spec field, reported as a warning (tuning the agent cannot apply), or refused as an error before anything is
 * created (the container would not be what the file describes). Nothing is dropped silently.
 *
 * <p>Example: {@code SpecTranslator.translate(project, project.service("web"), 1, labels).request()}.
 */
public final class SpecTranslator {

    /** The request and the warnings to show the user. */
    public record Translation(CreateContainerRequest request, List<String> warnings) {
        public Translation {
            warnings = List.copyOf(warnings);
        }
    }

    private SpecTranslator() {
    }

    /**
     * @param labels the compose labels of this replica; the service's own {@code labels} are added under them
     * @throws io.jcompose.scheduler.SchedulerException listing every attribute that cannot be honoured
     */
    public static Translation translate(Project project, Service service, int number, Map<String, String> labels) {
        Findings findings = new Findings(service.name().value());
        Unsupported.check(service, findings);
        Networking.Mode network = Networking.mode(project, service, findings);
        var ports = Networking.ports(service, network.networkMode(), findings);
        var mounts = Mounts.of(project, service, findings);
        Limits limits = limits(service, findings);
        Boolean noNewPrivileges = securityOptions(service, findings);
        if (service.image() == null || service.image().isEmpty()) {
            findings.error("build", "the service's image has not been built; run jcompose build, or set image:");
        }
        namespaces(service, findings);
        findings.throwIfErrors();

        ContainerSpecBody spec = new ContainerSpecBody(
                service.command(), env(service.environment()), service.workingDir(), service.user(),
                orNull(service.groupAdd()), trueOrNull(service.tty()), trueOrNull(service.stdinOpen()),
                null, trueOrNull(service.readOnly()),
                service.hostname(), service.domainname(),
                network.networkMode(), null, extraHosts(service.extraHosts()), orNull(service.dns()),
                orNull(service.dnsSearch()), orNull(service.dnsOpt()),
                "host".equals(service.pid()) ? Boolean.TRUE : null, "host".equals(service.ipc()) ? Boolean.TRUE : null,
                "host".equals(service.cgroup()) ? Boolean.TRUE : null,
                trueOrNull(service.privileged()), orNull(service.capAdd()), orNull(service.capDrop()), noNewPrivileges,
                limits.memory(), limits.reservation(), service.memswapLimit(), service.cpuShares(), limits.cpus(),
                limits.pids(), ulimits(service.ulimits()), service.sysctls().isEmpty() ? null : service.sysctls(),
                mounts.isEmpty() ? null : mounts, service.shmSize(),
                service.stopSignal(), millis(service.stopGracePeriod()),
                service.image(), service.entrypoint(), network.attachments().isEmpty() ? null : network.attachments(),
                ports, service.effectiveRestart().wire(), healthcheck(service.healthcheck()), service.init(),
                logging(service, findings));
        findings.throwIfErrors();
        Map<String, String> allLabels = new LinkedHashMap<>(service.labels());
        allLabels.putAll(labels);
        String name = Names.container(project.name(), service, number);
        return new Translation(new CreateContainerRequest(name, Map.copyOf(allLabels), spec), findings.warnings());
    }

    private record Limits(Long memory, Long reservation, Double cpus, Long pids) {
    }

    /**
     * {@code logging.options} {@code max-size} and {@code max-file} of the json-file and local drivers (the only
     * ones the agent stands in for): the size and number of the container's log files. Other options are
     * ignored with a warning; other drivers are reported by {@link Unsupported}.
     */
    private static ContainerSpecBody.LoggingBody logging(Service s, Findings findings) {
        if (s.logging() == null || !(s.logging().driver() == null || s.logging().driver().equals("json-file")
                || s.logging().driver().equals("local"))) {
            return null;
        }
        Long size = null;
        Integer files = null;
        for (Map.Entry<String, String> o : s.logging().options().entrySet()) {
            String attribute = "logging.options." + o.getKey();
            switch (o.getKey()) {
                case "max-size" -> {
                    try {
                        size = LogPolicy.parseSize(o.getValue());
                    } catch (IllegalArgumentException e) {
                        findings.error(attribute, e.getMessage());
                        continue;
                    }
                    if (size < 4096) findings.error(attribute, o.getValue() + " is too small for a log file; give at least 4k");
                }
                case "max-file" -> {
                    try {
                        files = Integer.parseInt(o.getValue().strip());
                    } catch (NumberFormatException e) {
                        findings.error(attribute, "\"" + o.getValue() + "\" is not a number of files");
                        continue;
                    }
                    if (files < 1) findings.error(attribute, "keep at least 1 file, not " + files);
                }
                default -> findings.warn(attribute, "ignored: the agent keeps the log in its own format");
            }
        }
        return size == null && files == null ? null : new ContainerSpecBody.LoggingBody(size, files);
    }

    /** Service-level values win over {@code deploy.resources}, as in docker compose. */
    private static Limits limits(Service s, Findings findings) {
        ResourceLimit lim = s.deploy() == null || s.deploy().resources() == null ? null : s.deploy().resources().limits();
        ResourceLimit res = s.deploy() == null || s.deploy().resources() == null ? null
                : s.deploy().resources().reservations();
        Long memory = s.memLimit() != null ? s.memLimit() : lim == null ? null : lim.memory();
        Long reservation = s.memReservation() != null ? s.memReservation() : res == null ? null : res.memory();
        Double cpus = s.cpus() != null ? s.cpus() : lim == null ? null : lim.cpus();
        if (cpus == null && s.cpuQuota() != null && s.cpuQuota() > 0) {
            long period = s.cpuPeriod() == null ? 100_000 : s.cpuPeriod();
            cpus = (double) s.cpuQuota() / period;
        } else if (s.cpuQuota() != null || s.cpuPeriod() != null) {
            findings.warn("cpu_quota", "cpu_quota/cpu_period are ignored when cpus is set");
        }
        if (res != null && res.cpus() != null) findings.warn("deploy.resources.reservations.cpus", "ignored: not supported");
        if (cpus != null && cpus == 0) cpus = null;
        Long pids = s.pidsLimit() != null ? s.pidsLimit() : lim == null ? null : lim.pids();
        return new Limits(memory, reservation, cpus, pids);
    }

    /** {@code no-new-privileges[:true|false]} maps to a field; other options only warn. */
    private static Boolean securityOptions(Service s, Findings findings) {
        Boolean noNewPrivileges = null;
        for (String opt : s.securityOpt()) {
            String normalized = opt.replace('=', ':');
            switch (normalized) {
                case "no-new-privileges", "no-new-privileges:true" -> noNewPrivileges = true;
                case "no-new-privileges:false" -> noNewPrivileges = false;
                default -> findings.warn("security_opt", "\"" + opt + "\" is ignored: only no-new-privileges is supported");
            }
        }
        return noNewPrivileges;
    }

    private static void namespaces(Service s, Findings findings) {
        check(s.ipc(), "ipc", findings, "private", "shareable");
        check(s.pid(), "pid", findings);
        check(s.cgroup(), "cgroup", findings, "private");
    }

    private static void check(String mode, String attribute, Findings findings, String... alsoAllowed) {
        if (mode == null || mode.isEmpty() || mode.equals("host")) return;
        for (String ok : alsoAllowed) if (mode.equals(ok)) return;
        findings.error(attribute, "\"" + mode + "\": joining another container's namespace is not supported; "
                + "only host" + (alsoAllowed.length == 0 ? "" : " and " + String.join(", ", alsoAllowed)) + " are");
    }

    /** Variables declared without a value and not resolved are left out, as docker compose does. */
    private static List<String> env(Map<String, String> environment) {
        if (environment.isEmpty()) return null;
        List<String> out = new ArrayList<>(environment.size());
        environment.forEach((k, v) -> {
            if (v != null) out.add(k + "=" + v);
        });
        return out;
    }

    private static List<String> extraHosts(Map<String, List<String>> hosts) {
        if (hosts.isEmpty()) return null;
        List<String> out = new ArrayList<>();
        hosts.forEach((host, addresses) -> addresses.forEach(a -> out.add(host + ":" + a)));
        return out;
    }

    private static List<UlimitBody> ulimits(Map<String, Ulimit> ulimits) {
        if (ulimits.isEmpty()) return null;
        List<UlimitBody> out = new ArrayList<>();
        ulimits.forEach((name, u) -> out.add(new UlimitBody(name, u.soft(), u.hard())));
        return out;
    }

    static HealthcheckBody healthcheck(Healthcheck h) {
        if (h == null) return null;
        if (h.disabled()) return new HealthcheckBody(List.of("NONE"), null, null, null, null, null, true);
        return new HealthcheckBody(h.test().isEmpty() ? null : h.test(), millis(h.interval()), millis(h.timeout()),
                millis(h.startPeriod()), millis(h.startInterval()),
                h.retries() == null ? null : Math.toIntExact(h.retries()), null);
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    private static Boolean trueOrNull(boolean b) {
        return b ? Boolean.TRUE : null;
    }
}
