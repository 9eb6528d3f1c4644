package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/builds}: build an image from a Dockerfile. The agent runs on the same host as its
 * clients and reads the context directory in place (nothing is uploaded); only files the context's
 * {@code .dockerignore} lets through are read, never anything outside the context.
 *
 * @param context            absolute path of the build context directory
 * @param dockerfile         absolute path of the Dockerfile; null for {@code <context>/Dockerfile}
 * @param dockerfileInline   the Dockerfile's text, instead of a file
 * @param args               build arguments ({@code ARG} values)
 * @param target             the stage to build; null for the last
 * @param labels             labels added to the image
 * @param tags               references the image is tagged with
 * @param noCache            run every step again
 * @param pull               pull base images even when present
 * @param network            network of RUN steps: none (default) or host
 * @param extraHosts         {@code /etc/hosts} entries of RUN steps, host name to addresses
 * @param shmSize            {@code /dev/shm} size of RUN steps, bytes
 * @param additionalContexts named extra contexts (absolute directory paths) for {@code COPY --from=name}
 */
public record BuildRequestBody(String context, String dockerfile, String dockerfileInline, Map<String, String> args,
                               String target, Map<String, String> labels, List<String> tags, boolean noCache,
                               boolean pull, String network, Map<String, List<String>> extraHosts, Long shmSize,
                               Map<String, String> additionalContexts) {
    public BuildRequestBody {
        args = args == null ? Map.of() : args;
        labels = labels == null ? Map.of() : labels;
        tags = tags == null ? List.of() : List.copyOf(tags);
        extraHosts = extraHosts == null ? Map.of() : extraHosts;
        additionalContexts = additionalContexts == null ? Map.of() : additionalContexts;
    }
}
