package io.jcompose.image.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One image build. */
public record BuildRequest(Path context, Path dockerfile, String dockerfileInline, Map<String, String> args,
                           String target, Map<String, String> labels, List<String> tags, boolean noCache,
                           boolean pull, String network, Map<String, List<String>> extraHosts, Long shmSize,
                           Map<String, Path> additionalContexts) {
}
