package io.jcompose.model.project;

import io.jcompose.model.ModelException;

/**
 * Binds one {@code services.<name>} mapping. The switch is the table of service attributes: one line per
 * compose key, so adding an attribute is one line here and one in {@link ServiceBuilder}. A plain string switch
 * rather than a map of lambdas keeps CLI start-up free of ~90 lambda bootstraps.
 */
final class ServiceBinder {
    private ServiceBinder() {
    }

    static Service bind(Element entry) {
        ServiceName name;
        try {
            name = new ServiceName(entry.name());
        } catch (ModelException e) {
            throw e.at(entry.keyPosition(), entry.slot().path());
        }
        Fields f = entry.fields();
        ServiceBuilder b = Service.builder(name);
        for (String key : f.map().keys()) {
            switch (key) {
                case "annotations" -> b.annotations(f.strMap(key));
                case "attach" -> b.attach(f.boolOrNull(key));
                case "blkio_config" -> b.blkioConfig(BuildBinder.blkio(f.obj(key)));
                case "build" -> b.build(BuildBinder.build(f, key));
                case "cap_add" -> b.capAdd(f.strList(key));
                case "cap_drop" -> b.capDrop(f.strList(key));
                case "cgroup" -> b.cgroup(f.str(key));
                case "cgroup_parent" -> b.cgroupParent(f.str(key));
                case "command" -> b.command(f.command(key));
                case "configs" -> b.configs(ServicePartBinder.fileReferences(f, key, null));
                case "container_name" -> b.containerName(f.str(key));
                case "cpu_count" -> b.cpuCount(f.longOrNull(key));
                case "cpu_percent" -> b.cpuPercent(f.doubleOrNull(key));
                case "cpu_period" -> b.cpuPeriod(f.longOrNull(key));
                case "cpu_quota" -> b.cpuQuota(f.longOrNull(key));
                case "cpu_rt_period" -> b.cpuRtPeriod(f.micros(key));
                case "cpu_rt_runtime" -> b.cpuRtRuntime(f.micros(key));
                case "cpu_shares" -> b.cpuShares(f.longOrNull(key));
                case "cpus" -> b.cpus(f.doubleOrNull(key));
                case "cpuset" -> b.cpuset(f.str(key));
                case "credential_spec" -> b.credentialSpec(ServicePartBinder.credentialSpec(f.obj(key)));
                case "depends_on" -> b.dependsOn(ConnectionBinder.dependsOn(f, key));
                case "deploy" -> b.deploy(DeployBinder.deploy(f.obj(key)));
                case "develop" -> b.develop(BuildBinder.develop(f.obj(key)));
                case "device_cgroup_rules" -> b.deviceCgroupRules(f.strList(key));
                case "devices" -> b.devices(ServicePartBinder.devices(f, key));
                case "dns" -> b.dns(f.strList(key));
                case "dns_opt" -> b.dnsOpt(f.strList(key));
                case "dns_search" -> b.dnsSearch(f.strList(key));
                case "domainname" -> b.domainname(f.str(key));
                case "entrypoint" -> b.entrypoint(f.command(key));
                case "env_file" -> b.envFiles(ServicePartBinder.envFiles(f, key));
                case "environment" -> b.environment(f.envMap(key));
                case "expose" -> b.expose(f.strList(key));
                case "extends" -> b.extendsConfig(ServicePartBinder.extendsConfig(f, key));
                case "external_links" -> b.externalLinks(f.strList(key));
                case "extra_hosts" -> b.extraHosts(ConnectionBinder.extraHosts(f, key));
                case "gpus" -> b.gpus(DeployBinder.gpus(f, key));
                case "group_add" -> b.groupAdd(f.strList(key));
                case "healthcheck" -> b.healthcheck(LifecycleBinder.healthcheck(f.obj(key)));
                case "hostname" -> b.hostname(f.str(key));
                case "image" -> b.image(f.str(key));
                case "init" -> b.init(f.boolOrNull(key));
                case "ipc" -> b.ipc(f.str(key));
                case "isolation" -> b.isolation(f.str(key));
                case "label_file" -> b.labelFiles(f.strList(key));
                case "labels" -> b.labels(f.strMap(key));
                case "links" -> b.links(f.strList(key));
                case "logging" -> b.logging(ServicePartBinder.logging(f.obj(key)));
                case "mac_address" -> b.macAddress(f.str(key));
                case "mem_limit" -> b.memLimit(f.bytes(key));
                case "mem_reservation" -> b.memReservation(f.bytes(key));
                case "mem_swappiness" -> b.memSwappiness(f.longOrNull(key));
                case "memswap_limit" -> b.memswapLimit(f.bytes(key));
                case "models" -> b.models(ServicePartBinder.models(f, key));
                case "network_mode" -> b.networkMode(f.str(key));
                case "networks" -> b.networks(ConnectionBinder.networks(f, key));
                case "oom_kill_disable" -> b.oomKillDisable(f.bool(key));
                case "oom_score_adj" -> b.oomScoreAdj(f.longOrNull(key));
                case "pid" -> b.pid(f.str(key));
                case "pids_limit" -> b.pidsLimit(f.longOrNull(key));
                case "platform" -> b.platform(f.str(key));
                case "ports" -> b.ports(ConnectionBinder.ports(f, key));
                case "post_start" -> b.postStart(LifecycleBinder.hooks(f, key));
                case "pre_start" -> b.preStart(LifecycleBinder.preStart(f, key));
                case "pre_stop" -> b.preStop(LifecycleBinder.hooks(f, key));
                case "privileged" -> b.privileged(f.bool(key));
                case "profiles" -> b.profiles(f.strList(key));
                case "provider" -> b.provider(ServicePartBinder.provider(f.obj(key)));
                case "pull_policy" -> b.pullPolicy(LifecycleBinder.pullPolicy(f, key));
                case "pull_refresh_after" -> b.pullRefreshAfter(f.str(key));
                case "read_only" -> b.readOnly(f.bool(key));
                case "restart" -> b.restart(LifecycleBinder.restart(f, key));
                case "runtime" -> b.runtime(f.str(key));
                case "scale" -> b.scale(f.intOrNull(key));
                case "secrets" -> b.secrets(ServicePartBinder.fileReferences(f, key, "/run/secrets/"));
                case "security_opt" -> b.securityOpt(f.strList(key));
                case "shm_size" -> b.shmSize(f.bytes(key));
                case "stdin_open" -> b.stdinOpen(f.bool(key));
                case "stop_grace_period" -> b.stopGracePeriod(f.duration(key));
                case "stop_signal" -> b.stopSignal(f.str(key));
                case "storage_opt" -> b.storageOpt(f.strMap(key));
                case "sysctls" -> b.sysctls(f.strMap(key));
                case "tmpfs" -> b.tmpfs(f.strList(key));
                case "tty" -> b.tty(f.bool(key));
                case "ulimits" -> b.ulimits(ServicePartBinder.ulimits(f, key));
                case "use_api_socket" -> b.useApiSocket(f.bool(key));
                case "user" -> b.user(f.str(key));
                case "userns_mode" -> b.usernsMode(f.str(key));
                case "uts" -> b.uts(f.str(key));
                case "volumes" -> b.volumes(VolumeBinder.volumes(f, key));
                case "volumes_from" -> b.volumesFrom(f.strList(key));
                case "working_dir" -> b.workingDir(f.str(key));
                default -> {
                    // x-* keys are gathered below; anything else was reported by validation, and the
                    // legacy keys compose-go still decodes (net, log_driver...) have no meaning here.
                }
            }
        }
        return b.extensions(f.extensions()).build();
    }
}
