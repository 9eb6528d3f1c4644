package io.jcompose.model.project;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mutable staging for a {@link Service}: one setter per attribute, named like the record component. The binder
 * fills one from the canonical tree and the {@code Service.withX} copies go through one. {@link #build()} copies
 * every collection, so a builder can be reused.
 */
public final class ServiceBuilder {
    private final ServiceName name;
    private Map<String, String> annotations;
    private Boolean attach;
    private BlkioConfig blkioConfig;
    private BuildConfig build;
    private List<String> capAdd;
    private List<String> capDrop;
    private String cgroup;
    private String cgroupParent;
    private List<String> command;
    private List<FileReference> configs;
    private String containerName;
    private Long cpuCount;
    private Double cpuPercent;
    private Long cpuPeriod;
    private Long cpuQuota;
    private Long cpuRtPeriod;
    private Long cpuRtRuntime;
    private Long cpuShares;
    private Double cpus;
    private String cpuset;
    private CredentialSpec credentialSpec;
    private Map<String, DependsOn> dependsOn;
    private Deploy deploy;
    private DevelopConfig develop;
    private List<String> deviceCgroupRules;
    private List<DeviceMapping> devices;
    private List<String> dns;
    private List<String> dnsOpt;
    private List<String> dnsSearch;
    private String domainname;
    private List<String> entrypoint;
    private List<EnvFile> envFiles;
    private Map<String, String> environment;
    private List<String> expose;
    private ExtendsConfig extendsConfig;
    private List<String> externalLinks;
    private Map<String, List<String>> extraHosts;
    private List<DeviceRequest> gpus;
    private List<String> groupAdd;
    private Healthcheck healthcheck;
    private String hostname;
    private String image;
    private Boolean init;
    private String ipc;
    private String isolation;
    private List<String> labelFiles;
    private Map<String, String> labels;
    private List<String> links;
    private Logging logging;
    private String macAddress;
    private Long memLimit;
    private Long memReservation;
    private Long memSwappiness;
    private Long memswapLimit;
    private Map<String, ServiceModel> models;
    private String networkMode;
    private Map<String, ServiceNetwork> networks;
    private boolean oomKillDisable;
    private Long oomScoreAdj;
    private String pid;
    private Long pidsLimit;
    private String platform;
    private List<PortConfig> ports;
    private List<ServiceHook> postStart;
    private List<PreStartStep> preStart;
    private List<ServiceHook> preStop;
    private boolean privileged;
    private List<String> profiles;
    private ServiceProvider provider;
    private PullPolicy pullPolicy;
    private String pullRefreshAfter;
    private boolean readOnly;
    private Restart restart;
    private String runtime;
    private Integer scale;
    private List<FileReference> secrets;
    private List<String> securityOpt;
    private Long shmSize;
    private boolean stdinOpen;
    private Duration stopGracePeriod;
    private String stopSignal;
    private Map<String, String> storageOpt;
    private Map<String, String> sysctls;
    private List<String> tmpfs;
    private boolean tty;
    private Map<String, Ulimit> ulimits;
    private boolean useApiSocket;
    private String user;
    private String usernsMode;
    private String uts;
    private List<ServiceVolume> volumes;
    private List<String> volumesFrom;
    private String workingDir;
    private Map<String, Object> extensions;

    ServiceBuilder(ServiceName name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    ServiceBuilder(Service s) {
        this(s.name());
        annotations = s.annotations();
        attach = s.attach();
        blkioConfig = s.blkioConfig();
        build = s.build();
        capAdd = s.capAdd();
        capDrop = s.capDrop();
        cgroup = s.cgroup();
        cgroupParent = s.cgroupParent();
        command = s.command();
        configs = s.configs();
        containerName = s.containerName();
        cpuCount = s.cpuCount();
        cpuPercent = s.cpuPercent();
        cpuPeriod = s.cpuPeriod();
        cpuQuota = s.cpuQuota();
        cpuRtPeriod = s.cpuRtPeriod();
        cpuRtRuntime = s.cpuRtRuntime();
        cpuShares = s.cpuShares();
        cpus = s.cpus();
        cpuset = s.cpuset();
        credentialSpec = s.credentialSpec();
        dependsOn = s.dependsOn();
        deploy = s.deploy();
        develop = s.develop();
        deviceCgroupRules = s.deviceCgroupRules();
        devices = s.devices();
        dns = s.dns();
        dnsOpt = s.dnsOpt();
        dnsSearch = s.dnsSearch();
        domainname = s.domainname();
        entrypoint = s.entrypoint();
        envFiles = s.envFiles();
        environment = s.environment();
        expose = s.expose();
        extendsConfig = s.extendsConfig();
        externalLinks = s.externalLinks();
        extraHosts = s.extraHosts();
        gpus = s.gpus();
        groupAdd = s.groupAdd();
        healthcheck = s.healthcheck();
        hostname = s.hostname();
        image = s.image();
        init = s.init();
        ipc = s.ipc();
        isolation = s.isolation();
        labelFiles = s.labelFiles();
        labels = s.labels();
        links = s.links();
        logging = s.logging();
        macAddress = s.macAddress();
        memLimit = s.memLimit();
        memReservation = s.memReservation();
        memSwappiness = s.memSwappiness();
        memswapLimit = s.memswapLimit();
        models = s.models();
        networkMode = s.networkMode();
        networks = s.networks();
        oomKillDisable = s.oomKillDisable();
        oomScoreAdj = s.oomScoreAdj();
        pid = s.pid();
        pidsLimit = s.pidsLimit();
        platform = s.platform();
        ports = s.ports();
        postStart = s.postStart();
        preStart = s.preStart();
        preStop = s.preStop();
        privileged = s.privileged();
        profiles = s.profiles();
        provider = s.provider();
        pullPolicy = s.pullPolicy();
        pullRefreshAfter = s.pullRefreshAfter();
        readOnly = s.readOnly();
        restart = s.restart();
        runtime = s.runtime();
        scale = s.scale();
        secrets = s.secrets();
        securityOpt = s.securityOpt();
        shmSize = s.shmSize();
        stdinOpen = s.stdinOpen();
        stopGracePeriod = s.stopGracePeriod();
        stopSignal = s.stopSignal();
        storageOpt = s.storageOpt();
        sysctls = s.sysctls();
        tmpfs = s.tmpfs();
        tty = s.tty();
        ulimits = s.ulimits();
        useApiSocket = s.useApiSocket();
        user = s.user();
        usernsMode = s.usernsMode();
        uts = s.uts();
        volumes = s.volumes();
        volumesFrom = s.volumesFrom();
        workingDir = s.workingDir();
        extensions = s.extensions();
    }

    public ServiceName name() {
        return name;
    }

    // One line per attribute: this is a table, read it as one.
    public ServiceBuilder annotations(Map<String, String> value) { this.annotations = value; return this; }
    public ServiceBuilder attach(Boolean value) { this.attach = value; return this; }
    public ServiceBuilder blkioConfig(BlkioConfig value) { this.blkioConfig = value; return this; }
    public ServiceBuilder build(BuildConfig value) { this.build = value; return this; }
    public ServiceBuilder capAdd(List<String> value) { this.capAdd = value; return this; }
    public ServiceBuilder capDrop(List<String> value) { this.capDrop = value; return this; }
    public ServiceBuilder cgroup(String value) { this.cgroup = value; return this; }
    public ServiceBuilder cgroupParent(String value) { this.cgroupParent = value; return this; }
    public ServiceBuilder command(List<String> value) { this.command = value; return this; }
    public ServiceBuilder configs(List<FileReference> value) { this.configs = value; return this; }
    public ServiceBuilder containerName(String value) { this.containerName = value; return this; }
    public ServiceBuilder cpuCount(Long value) { this.cpuCount = value; return this; }
    public ServiceBuilder cpuPercent(Double value) { this.cpuPercent = value; return this; }
    public ServiceBuilder cpuPeriod(Long value) { this.cpuPeriod = value; return this; }
    public ServiceBuilder cpuQuota(Long value) { this.cpuQuota = value; return this; }
    public ServiceBuilder cpuRtPeriod(Long value) { this.cpuRtPeriod = value; return this; }
    public ServiceBuilder cpuRtRuntime(Long value) { this.cpuRtRuntime = value; return this; }
    public ServiceBuilder cpuShares(Long value) { this.cpuShares = value; return this; }
    public ServiceBuilder cpus(Double value) { this.cpus = value; return this; }
    public ServiceBuilder cpuset(String value) { this.cpuset = value; return this; }
    public ServiceBuilder credentialSpec(CredentialSpec value) { this.credentialSpec = value; return this; }
    public ServiceBuilder dependsOn(Map<String, DependsOn> value) { this.dependsOn = value; return this; }
    public ServiceBuilder deploy(Deploy value) { this.deploy = value; return this; }
    public ServiceBuilder develop(DevelopConfig value) { this.develop = value; return this; }
    public ServiceBuilder deviceCgroupRules(List<String> value) { this.deviceCgroupRules = value; return this; }
    public ServiceBuilder devices(List<DeviceMapping> value) { this.devices = value; return this; }
    public ServiceBuilder dns(List<String> value) { this.dns = value; return this; }
    public ServiceBuilder dnsOpt(List<String> value) { this.dnsOpt = value; return this; }
    public ServiceBuilder dnsSearch(List<String> value) { this.dnsSearch = value; return this; }
    public ServiceBuilder domainname(String value) { this.domainname = value; return this; }
    public ServiceBuilder entrypoint(List<String> value) { this.entrypoint = value; return this; }
    public ServiceBuilder envFiles(List<EnvFile> value) { this.envFiles = value; return this; }
    public ServiceBuilder environment(Map<String, String> value) { this.environment = value; return this; }
    public ServiceBuilder expose(List<String> value) { this.expose = value; return this; }
    public ServiceBuilder extendsConfig(ExtendsConfig value) { this.extendsConfig = value; return this; }
    public ServiceBuilder externalLinks(List<String> value) { this.externalLinks = value; return this; }
    public ServiceBuilder extraHosts(Map<String, List<String>> value) { this.extraHosts = value; return this; }
    public ServiceBuilder gpus(List<DeviceRequest> value) { this.gpus = value; return this; }
    public ServiceBuilder groupAdd(List<String> value) { this.groupAdd = value; return this; }
    public ServiceBuilder healthcheck(Healthcheck value) { this.healthcheck = value; return this; }
    public ServiceBuilder hostname(String value) { this.hostname = value; return this; }
    public ServiceBuilder image(String value) { this.image = value; return this; }
    public ServiceBuilder init(Boolean value) { this.init = value; return this; }
    public ServiceBuilder ipc(String value) { this.ipc = value; return this; }
    public ServiceBuilder isolation(String value) { this.isolation = value; return this; }
    public ServiceBuilder labelFiles(List<String> value) { this.labelFiles = value; return this; }
    public ServiceBuilder labels(Map<String, String> value) { this.labels = value; return this; }
    public ServiceBuilder links(List<String> value) { this.links = value; return this; }
    public ServiceBuilder logging(Logging value) { this.logging = value; return this; }
    public ServiceBuilder macAddress(String value) { this.macAddress = value; return this; }
    public ServiceBuilder memLimit(Long value) { this.memLimit = value; return this; }
    public ServiceBuilder memReservation(Long value) { this.memReservation = value; return this; }
    public ServiceBuilder memSwappiness(Long value) { this.memSwappiness = value; return this; }
    public ServiceBuilder memswapLimit(Long value) { this.memswapLimit = value; return this; }
    public ServiceBuilder models(Map<String, ServiceModel> value) { this.models = value; return this; }
    public ServiceBuilder networkMode(String value) { this.networkMode = value; return this; }
    public ServiceBuilder networks(Map<String, ServiceNetwork> value) { this.networks = value; return this; }
    public ServiceBuilder oomKillDisable(boolean value) { this.oomKillDisable = value; return this; }
    public ServiceBuilder oomScoreAdj(Long value) { this.oomScoreAdj = value; return this; }
    public ServiceBuilder pid(String value) { this.pid = value; return this; }
    public ServiceBuilder pidsLimit(Long value) { this.pidsLimit = value; return this; }
    public ServiceBuilder platform(String value) { this.platform = value; return this; }
    public ServiceBuilder ports(List<PortConfig> value) { this.ports = value; return this; }
    public ServiceBuilder postStart(List<ServiceHook> value) { this.postStart = value; return this; }
    public ServiceBuilder preStart(List<PreStartStep> value) { this.preStart = value; return this; }
    public ServiceBuilder preStop(List<ServiceHook> value) { this.preStop = value; return this; }
    public ServiceBuilder privileged(boolean value) { this.privileged = value; return this; }
    public ServiceBuilder profiles(List<String> value) { this.profiles = value; return this; }
    public ServiceBuilder provider(ServiceProvider value) { this.provider = value; return this; }
    public ServiceBuilder pullPolicy(PullPolicy value) { this.pullPolicy = value; return this; }
    public ServiceBuilder pullRefreshAfter(String value) { this.pullRefreshAfter = value; return this; }
    public ServiceBuilder readOnly(boolean value) { this.readOnly = value; return this; }
    public ServiceBuilder restart(Restart value) { this.restart = value; return this; }
    public ServiceBuilder runtime(String value) { this.runtime = value; return this; }
    public ServiceBuilder scale(Integer value) { this.scale = value; return this; }
    public ServiceBuilder secrets(List<FileReference> value) { this.secrets = value; return this; }
    public ServiceBuilder securityOpt(List<String> value) { this.securityOpt = value; return this; }
    public ServiceBuilder shmSize(Long value) { this.shmSize = value; return this; }
    public ServiceBuilder stdinOpen(boolean value) { this.stdinOpen = value; return this; }
    public ServiceBuilder stopGracePeriod(Duration value) { this.stopGracePeriod = value; return this; }
    public ServiceBuilder stopSignal(String value) { this.stopSignal = value; return this; }
    public ServiceBuilder storageOpt(Map<String, String> value) { this.storageOpt = value; return this; }
    public ServiceBuilder sysctls(Map<String, String> value) { this.sysctls = value; return this; }
    public ServiceBuilder tmpfs(List<String> value) { this.tmpfs = value; return this; }
    public ServiceBuilder tty(boolean value) { this.tty = value; return this; }
    public ServiceBuilder ulimits(Map<String, Ulimit> value) { this.ulimits = value; return this; }
    public ServiceBuilder useApiSocket(boolean value) { this.useApiSocket = value; return this; }
    public ServiceBuilder user(String value) { this.user = value; return this; }
    public ServiceBuilder usernsMode(String value) { this.usernsMode = value; return this; }
    public ServiceBuilder uts(String value) { this.uts = value; return this; }
    public ServiceBuilder volumes(List<ServiceVolume> value) { this.volumes = value; return this; }
    public ServiceBuilder volumesFrom(List<String> value) { this.volumesFrom = value; return this; }
    public ServiceBuilder workingDir(String value) { this.workingDir = value; return this; }
    public ServiceBuilder extensions(Map<String, Object> value) { this.extensions = value; return this; }

    public Service build() {
        return new Service(
                name, annotations, attach, blkioConfig, build, capAdd, capDrop, cgroup, cgroupParent, command,
                configs, containerName, cpuCount, cpuPercent, cpuPeriod, cpuQuota, cpuRtPeriod, cpuRtRuntime,
                cpuShares, cpus, cpuset, credentialSpec, dependsOn, deploy, develop, deviceCgroupRules, devices,
                dns, dnsOpt, dnsSearch, domainname, entrypoint, envFiles, environment, expose, extendsConfig,
                externalLinks, extraHosts, gpus, groupAdd, healthcheck, hostname, image, init, ipc, isolation,
                labelFiles, labels, links, logging, macAddress, memLimit, memReservation, memSwappiness,
                memswapLimit, models, networkMode, networks, oomKillDisable, oomScoreAdj, pid, pidsLimit,
                platform, ports, postStart, preStart, preStop, privileged, profiles, provider, pullPolicy,
                pullRefreshAfter, readOnly, restart, runtime, scale, secrets, securityOpt, shmSize, stdinOpen,
                stopGracePeriod, stopSignal, storageOpt, sysctls, tmpfs, tty, ulimits, useApiSocket, user,
                usernsMode, uts, volumes, volumesFrom, workingDir, extensions);
    }
}
