package io.jcompose.image.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One image build, as Compose's {@code build:} section describes it.
 *
 * @param context            the build context directory
 * @param dockerfile         nullable: {@code <context>/Dockerfile}; a relative path is taken from the context
 * @param dockerfileInline   nullable: the Dockerfile's text (wins over {@code dockerfile})
 * @param args               build args ({@code --build-arg}); a null value means "from the environment", left out
 * @param target             nullable: the stage to build, else the last one
 * @param labels             merged over the Dockerfile's LABELs
 * @param tags               references the image gets ({@code docker build -t}), taken from older images
 * @param noCache            run every step; results are still stored for later builds
 * @param pull               pull FROM images even when present
 * @param network            nullable: the network of RUN steps; null means none
 * @param extraHosts         host name to addresses for RUN steps
 * @param shmSize            nullable: bytes of {@code /dev/shm} for RUN steps
 * @param additionalContexts named contexts ({@code COPY --from=name}, {@code FROM name}); only directories
 */
public record BuildRequest(Path context, Path dockerfile, String dockerfileInline, Map<String, String> args,
                           String target, Map<String, String> labels, List<String> tags, boolean noCache,
                           boolean pull, String network, Map<String, List<String>> extraHosts, Long shmSize,
                           Map<String, Path> additionalContexts) {
    public BuildRequest {
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        tags = tags == null ? List.of() : List.copyOf(tags);
        extraHosts = extraHosts == null ? Map.of() : Map.copyOf(extraHosts);
        additionalContexts = additionalContexts == null ? Map.of() : Map.copyOf(additionalContexts);
    }

    /** A build of {@code context}'s Dockerfile with defaults for everything else. */
    public static BuildRequest of(Path context, List<String> tags) {
        return new BuildRequest(context, null, null, Map.of(), null, Map.of(), tags, false, false, null, Map.of(),
                null, Map.of());
    }

    public BuildRequest withNoCache(boolean value) {
        return new BuildRequest(context, dockerfile, dockerfileInline, args, target, labels, tags, value, pull,
                network, extraHosts, shmSize, additionalContexts);
    }

    public BuildRequest withArgs(Map<String, String> value) {
        return new BuildRequest(context, dockerfile, dockerfileInline, value, target, labels, tags, noCache, pull,
                network, extraHosts, shmSize, additionalContexts);
    }

    public BuildRequest withTarget(String value) {
        return new BuildRequest(context, dockerfile, dockerfileInline, args, value, labels, tags, noCache, pull,
                network, extraHosts, shmSize, additionalContexts);
    }

    public BuildRequest withLabels(Map<String, String> value) {
        return new BuildRequest(context, dockerfile, dockerfileInline, args, target, value, tags, noCache, pull,
                network, extraHosts, shmSize, additionalContexts);
    }
}
