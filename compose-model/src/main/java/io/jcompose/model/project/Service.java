package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of a project: every service attribute of the compose specification, typed. Component names are
 * the compose keys in camelCase. Absent scalars and objects are {@code null}, absent collections empty (see
 * the package documentation). Change it through the {@code withX} copies or {@link #toBuilder()}.
 *
 * @param name the service's key under {@code services}
 * @param annotations {@code annotations}: OCI annotations
 * @param attach {@code attach}: stream this service's logs on {@code up}; null means yes
 * @param blkioConfig {@code blkio_config}: block-IO weights and throttles, or null
 * @param build {@code build}: how to build the image, or null
 * @param capAdd {@code cap_add}: capabilities added
 * @param capDrop {@code cap_drop}: capabilities dropped
 * @param cgroup {@code cgroup}: cgroup namespace ({@code host} or {@code private}), or null
 * @param cgroupParent {@code cgroup_parent}: parent cgroup, or null
 * @param command {@code command}: overrides the image CMD; null keeps it, empty clears it
 * @param configs {@code configs}: configs mounted into the container
 * @param containerName {@code container_name}: a fixed container name, or null
 * @param cpuCount {@code cpu_count}: usable CPUs (Windows), or null
 * @param cpuPercent {@code cpu_percent}: usable CPU percentage (Windows), or null
 * @param cpuPeriod {@code cpu_period}: CFS period in microseconds, or null
 * @param cpuQuota {@code cpu_quota}: CFS quota in microseconds, or null
 * @param cpuRtPeriod {@code cpu_rt_period}: real-time period in microseconds, or null
 * @param cpuRtRuntime {@code cpu_rt_runtime}: real-time runtime in microseconds, or null
 * @param cpuShares {@code cpu_shares}: relative CPU weight, or null
 * @param cpus {@code cpus}: CPU limit as a fraction of cores, or null
 * @param cpuset {@code cpuset}: CPUs allowed ({@code 0-3}), or null
 * @param credentialSpec {@code credential_spec}: Windows credential spec, or null
 * @param dependsOn {@code depends_on}: dependencies by service name, in document order
 * @param deploy {@code deploy}: deployment settings, or null
 * @param develop {@code develop}: watch rules, or null
 * @param deviceCgroupRules {@code device_cgroup_rules}: device cgroup rules
 * @param devices {@code devices}: host devices
 * @param dns {@code dns}: DNS servers
 * @param dnsOpt {@code dns_opt}: resolver options
 * @param dnsSearch {@code dns_search}: DNS search domains
 * @param domainname {@code domainname}: container domain name, or null
 * @param entrypoint {@code entrypoint}: overrides the image ENTRYPOINT; null keeps it, empty clears it
 * @param envFiles {@code env_file}: environment files, later ones winning
 * @param environment {@code environment}: container environment; a null value is an unresolved declaration
 * @param expose {@code expose}: ports or ranges exposed to other containers only
 * @param extendsConfig {@code extends}: the service this one extends, or null
 * @param externalLinks {@code external_links}: links to containers outside the project
 * @param extraHosts {@code extra_hosts}: extra /etc/hosts entries, host to addresses
 * @param gpus {@code gpus}: GPU requests
 * @param groupAdd {@code group_add}: supplementary groups
 * @param healthcheck {@code healthcheck}: health check, or null
 * @param hostname {@code hostname}: container host name, or null
 * @param image {@code image}: image reference, or null
 * @param init {@code init}: run an init process as PID 1, or null for the default
 * @param ipc {@code ipc}: IPC namespace mode, or null
 * @param isolation {@code isolation}: isolation technology, or null
 * @param labelFiles {@code label_file}: files of labels
 * @param labels {@code labels}: container labels
 * @param links {@code links}: legacy links {@code service[:alias]}
 * @param logging {@code logging}: log driver settings, or null
 * @param macAddress {@code mac_address}: container MAC address, or null
 * @param memLimit {@code mem_limit}: memory limit in bytes, or null
 * @param memReservation {@code mem_reservation}: memory soft limit in bytes, or null
 * @param memSwappiness {@code mem_swappiness}: swappiness 0-100, or null
 * @param memswapLimit {@code memswap_limit}: memory plus swap in bytes ({@code -1} unlimited), or null
 * @param models {@code models}: top-level models used, by key
 * @param networkMode {@code network_mode}: {@code bridge}, {@code host}, {@code none}, {@code service:x}... or null
 * @param networks {@code networks}: networks joined, by top-level key
 * @param oomKillDisable {@code oom_kill_disable}: disable the OOM killer
 * @param oomScoreAdj {@code oom_score_adj}: OOM score adjustment, or null
 * @param pid {@code pid}: PID namespace mode, or null
 * @param pidsLimit {@code pids_limit}: process limit ({@code -1} unlimited), or null
 * @param platform {@code platform}: target platform ({@code linux/amd64}), or null
 * @param ports {@code ports}: published ports
 * @param postStart {@code post_start}: commands run in the container after it starts
 * @param preStart {@code pre_start}: init containers run before it starts
 * @param preStop {@code pre_stop}: commands run in the container before it stops
 * @param privileged {@code privileged}: extended privileges
 * @param profiles {@code profiles}: profiles enabling this service; empty means always enabled
 * @param provider {@code provider}: external provider running this service, or null
 * @param pullPolicy {@code pull_policy}: when to pull the image, or null
 * @param pullRefreshAfter {@code pull_refresh_after}: refresh window of {@code pull_policy: refresh}, or null
 * @param readOnly {@code read_only}: read-only root filesystem
 * @param restart {@code restart}: restart policy, or null (see {@link #effectiveRestart()})
 * @param runtime {@code runtime}: OCI runtime name, or null
 * @param scale {@code scale}: default number of containers, or null (see {@link #replicas()})
 * @param secrets {@code secrets}: secrets mounted into the container
 * @param securityOpt {@code security_opt}: security options
 * @param shmSize {@code shm_size}: /dev/shm size in bytes, or null
 * @param stdinOpen {@code stdin_open}: keep STDIN open
 * @param stopGracePeriod {@code stop_grace_period}: wait before SIGKILL, or null
 * @param stopSignal {@code stop_signal}: stop signal, or null
 * @param storageOpt {@code storage_opt}: storage driver options
 * @param sysctls {@code sysctls}: kernel parameters
 * @param tmpfs {@code tmpfs}: tmpfs mounts {@code path[:options]}
 * @param tty {@code tty}: allocate a TTY
 * @param ulimits {@code ulimits}: resource limits by name
 * @param useApiSocket {@code use_api_socket}: mount the engine API socket
 * @param user {@code user}: user[:group] to run as, or null
 * @param usernsMode {@code userns_mode}: user namespace mode, or null
 * @param uts {@code uts}: UTS namespace mode, or null
 * @param volumes {@code volumes}: mounts
 * @param volumesFrom {@code volumes_from}: services or containers whose volumes are mounted
 * @param workingDir {@code working_dir}: working directory, or null
 * @param extensions {@code x-*} keys of the service, as plain Java values
 */
public record Service(
        ServiceName name,
        Map<String, String> annotations,
        Boolean attach,
        BlkioConfig blkioConfig,
        BuildConfig build,
        List<String> capAdd,
        List<String> capDrop,
        String cgroup,
        String cgroupParent,
        List<String> command,
        List<FileReference> configs,
        String containerName,
        Long cpuCount,
        Double cpuPercent,
        Long cpuPeriod,
        Long cpuQuota,
        Long cpuRtPeriod,
        Long cpuRtRuntime,
        Long cpuShares,
        Double cpus,
        String cpuset,
        CredentialSpec credentialSpec,
        Map<String, DependsOn> dependsOn,
        Deploy deploy,
        DevelopConfig develop,
        List<String> deviceCgroupRules,
        List<DeviceMapping> devices,
        List<String> dns,
        List<String> dnsOpt,
        List<String> dnsSearch,
        String domainname,
        List<String> entrypoint,
        List<EnvFile> envFiles,
        Map<String, String> environment,
        List<String> expose,
        ExtendsConfig extendsConfig,
        List<String> externalLinks,
        Map<String, List<String>> extraHosts,
        List<DeviceRequest> gpus,
        List<String> groupAdd,
        Healthcheck healthcheck,
        String hostname,
        String image,
        Boolean init,
        String ipc,
        String isolation,
        List<String> labelFiles,
        Map<String, String> labels,
        List<String> links,
        Logging logging,
        String macAddress,
        Long memLimit,
        Long memReservation,
        Long memSwappiness,
        Long memswapLimit,
        Map<String, ServiceModel> models,
        String networkMode,
        Map<String, ServiceNetwork> networks,
        boolean oomKillDisable,
        Long oomScoreAdj,
        String pid,
        Long pidsLimit,
        String platform,
        List<PortConfig> ports,
        List<ServiceHook> postStart,
        List<PreStartStep> preStart,
        List<ServiceHook> preStop,
        boolean privileged,
        List<String> profiles,
        ServiceProvider provider,
        PullPolicy pullPolicy,
        String pullRefreshAfter,
        boolean readOnly,
        Restart restart,
        String runtime,
        Integer scale,
        List<FileReference> secrets,
        List<String> securityOpt,
        Long shmSize,
        boolean stdinOpen,
        Duration stopGracePeriod,
        String stopSignal,
        Map<String, String> storageOpt,
        Map<String, String> sysctls,
        List<String> tmpfs,
        boolean tty,
        Map<String, Ulimit> ulimits,
        boolean useApiSocket,
        String user,
        String usernsMode,
        String uts,
        List<ServiceVolume> volumes,
        List<String> volumesFrom,
        String workingDir,
        Map<String, Object> extensions) {

    public Service {
        Objects.requireNonNull(name, "name");
        annotations = Copies.map(annotations);
        capAdd = Copies.list(capAdd);
        capDrop = Copies.list(capDrop);
        command = Copies.listOrNull(command);
        configs = Copies.list(configs);
        dependsOn = Copies.map(dependsOn);
        deviceCgroupRules = Copies.list(deviceCgroupRules);
        devices = Copies.list(devices);
        dns = Copies.list(dns);
        dnsOpt = Copies.list(dnsOpt);
        dnsSearch = Copies.list(dnsSearch);
        entrypoint = Copies.listOrNull(entrypoint);
        envFiles = Copies.list(envFiles);
        environment = Copies.map(environment);
        expose = Copies.list(expose);
        externalLinks = Copies.list(externalLinks);
        extraHosts = Copies.mapOfLists(extraHosts);
        gpus = Copies.list(gpus);
        groupAdd = Copies.list(groupAdd);
        labelFiles = Copies.list(labelFiles);
        labels = Copies.map(labels);
        links = Copies.list(links);
        models = Copies.map(models);
        networks = Copies.map(networks);
        ports = Copies.list(ports);
        postStart = Copies.list(postStart);
        preStart = Copies.list(preStart);
        preStop = Copies.list(preStop);
        profiles = Copies.list(profiles);
        secrets = Copies.list(secrets);
        securityOpt = Copies.list(securityOpt);
        storageOpt = Copies.map(storageOpt);
        sysctls = Copies.map(sysctls);
        tmpfs = Copies.list(tmpfs);
        ulimits = Copies.map(ulimits);
        volumes = Copies.list(volumes);
        volumesFrom = Copies.list(volumesFrom);
        extensions = Copies.map(extensions);
    }

    /** A builder for a service called {@code name} with nothing else set. */
    public static ServiceBuilder builder(ServiceName name) {
        return new ServiceBuilder(name);
    }

    /** A builder holding every value of this service. */
    public ServiceBuilder toBuilder() {
        return new ServiceBuilder(this);
    }

    // ---- derived queries -----------------------------------------------------------------------------------

    /** The services this one depends on ({@code depends_on} keys), in document order. */
    public List<String> dependencies() {
        return List.copyOf(dependsOn.keySet());
    }

    /**
     * How many containers to run: {@code scale}, else {@code deploy.replicas}, else 1 (compose-go's
     * {@code GetScale}; the loader has already checked that both agree when both are set).
     */
    public int replicas() {
        if (scale != null) return scale;
        if (deploy != null && deploy.replicas() != null) return deploy.replicas();
        return 1;
    }

    /**
     * The restart policy the container gets, as docker compose computes it: {@code deploy.restart_policy} wins
     * over {@code restart}; its {@code none} is {@code no}, {@code any} is {@code always}, and an unset
     * condition is {@code no} (the engine reads an empty policy so). {@code max_attempts} only counts for
     * {@code on-failure}. With neither set the answer is {@link Restart#NO}.
     */
    public Restart effectiveRestart() {
        RestartPolicy policy = deploy == null ? null : deploy.restartPolicy();
        if (policy == null) return restart == null ? Restart.NO : restart;
        if (policy.condition() == null) return Restart.NO;
        return switch (policy.condition()) {
            case NONE -> Restart.NO;
            case ANY -> new Restart(Restart.Kind.ALWAYS, null);
            case ON_FAILURE -> new Restart(Restart.Kind.ON_FAILURE,
                    policy.maxAttempts() == null ? null : Math.toIntExact(policy.maxAttempts()));
        };
    }

    /** Network keys ordered by descending {@code priority}, then by name: the order to connect them. */
    public List<String> networksByPriority() {
        List<String> names = new ArrayList<>(networks.keySet());
        // One lambda, not Comparator.comparingInt(..).thenComparing(..): the JDK's are serializable lambdas, which the
        // startup cache never holds, so every command that translates a service spun them again.
        names.sort((a, b) -> {
            int byPriority = Integer.compare(-networks.get(a).priority(), -networks.get(b).priority());
            return byPriority != 0 ? byPriority : a.compareTo(b);
        });
        return List.copyOf(names);
    }

    // ---- copies --------------------------------------------------------------------------------------------

    public Service withImage(String newImage) {
        return toBuilder().image(newImage).build();
    }

    /** Sets {@code scale}, and {@code deploy.replicas} too when a deploy section exists, so both agree. */
    public Service withScale(int replicas) {
        if (replicas < 0) {
            throw ModelException.of("cannot scale " + name + " to " + replicas, "use 0 or more replicas");
        }
        ServiceBuilder b = toBuilder().scale(replicas);
        if (deploy != null) b.deploy(deploy.withReplicas(replicas));
        return b.build();
    }

    public Service withEnvironment(Map<String, String> newEnvironment) {
        return toBuilder().environment(newEnvironment).build();
    }

    public Service withLabels(Map<String, String> newLabels) {
        return toBuilder().labels(newLabels).build();
    }

    public Service withNetworks(Map<String, ServiceNetwork> newNetworks) {
        return toBuilder().networks(newNetworks).build();
    }

    public Service withCommand(List<String> newCommand) {
        return toBuilder().command(newCommand).build();
    }

    public Service withEntrypoint(List<String> newEntrypoint) {
        return toBuilder().entrypoint(newEntrypoint).build();
    }

    public Service withPorts(List<PortConfig> newPorts) {
        return toBuilder().ports(newPorts).build();
    }

    public Service withVolumes(List<ServiceVolume> newVolumes) {
        return toBuilder().volumes(newVolumes).build();
    }

    public Service withDependsOn(Map<String, DependsOn> newDependsOn) {
        return toBuilder().dependsOn(newDependsOn).build();
    }

    public Service withRestart(Restart newRestart) {
        return toBuilder().restart(newRestart).build();
    }

    public Service withPullPolicy(PullPolicy newPullPolicy) {
        return toBuilder().pullPolicy(newPullPolicy).build();
    }

    public Service withBuild(BuildConfig newBuild) {
        return toBuilder().build(newBuild).build();
    }

    public Service withDeploy(Deploy newDeploy) {
        return toBuilder().deploy(newDeploy).build();
    }

    public Service withHealthcheck(Healthcheck newHealthcheck) {
        return toBuilder().healthcheck(newHealthcheck).build();
    }

    public Service withContainerName(String newContainerName) {
        return toBuilder().containerName(newContainerName).build();
    }

    public Service withProfiles(List<String> newProfiles) {
        return toBuilder().profiles(newProfiles).build();
    }

    public Service withStopGracePeriod(Duration newStopGracePeriod) {
        return toBuilder().stopGracePeriod(newStopGracePeriod).build();
    }
}
