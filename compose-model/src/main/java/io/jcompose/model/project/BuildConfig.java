package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * {@code services.*.build}. Paths are already resolved by the loader.
 *
 * @param context            the build context (directory, URL, or {@code service:name})
 * @param dockerfile         the Dockerfile, or null for {@code Dockerfile}
 * @param dockerfileInline   an inline Dockerfile, or null
 * @param entitlements       extra builder entitlements
 * @param args               build arguments; null values are unresolved declarations
 * @param provenance         provenance attestation setting, or null
 * @param sbom               SBOM attestation setting, or null
 * @param ssh                SSH agent sockets or keys exposed to the build
 * @param labels             image labels
 * @param cacheFrom          cache sources
 * @param cacheTo            cache destinations
 * @param noCache            build without cache
 * @param noCacheFilter      stages to build without cache
 * @param additionalContexts named extra contexts
 * @param pull               always pull base images
 * @param extraHosts         extra /etc/hosts entries during the build, host to addresses
 * @param isolation          isolation technology, or null
 * @param network            network mode for RUN steps, or null
 * @param target             the stage to build, or null
 * @param secrets            secrets exposed to the build
 * @param shmSize            /dev/shm size in bytes, or null
 * @param tags               extra image tags
 * @param ulimits            ulimits for the build containers
 * @param platforms          target platforms
 * @param privileged         run the build with extended privileges
 */
public record BuildConfig(String context, String dockerfile, String dockerfileInline, List<String> entitlements,
                          Map<String, String> args, String provenance, String sbom, List<SshKey> ssh,
                          Map<String, String> labels, List<String> cacheFrom, List<String> cacheTo, boolean noCache,
                          List<String> noCacheFilter, Map<String, String> additionalContexts, boolean pull,
                          Map<String, List<String>> extraHosts, String isolation, String network, String target,
                          List<FileReference> secrets, Long shmSize, List<String> tags, Map<String, Ulimit> ulimits,
                          List<String> platforms, boolean privileged) {

    public BuildConfig {
        entitlements = Copies.list(entitlements);
        args = Copies.map(args);
        ssh = Copies.list(ssh);
        labels = Copies.map(labels);
        cacheFrom = Copies.list(cacheFrom);
        cacheTo = Copies.list(cacheTo);
        noCacheFilter = Copies.list(noCacheFilter);
        additionalContexts = Copies.map(additionalContexts);
        extraHosts = Copies.mapOfLists(extraHosts);
        secrets = Copies.list(secrets);
        tags = Copies.list(tags);
        ulimits = Copies.map(ulimits);
        platforms = Copies.list(platforms);
    }

    /** A build of {@code context} with every other option unset. */
    public static BuildConfig ofContext(String context) {
        return new BuildConfig(context, null, null, null, null, null, null, null, null, null, null, false, null,
                null, false, null, null, null, null, null, null, null, null, null, false);
    }

    /**
     * One SSH entry of a build.
     *
     * @param id   {@code default} or a key id
     * @param path the socket or key file, or null for the agent's default
     */
    public record SshKey(String id, String path) {
    }
}
