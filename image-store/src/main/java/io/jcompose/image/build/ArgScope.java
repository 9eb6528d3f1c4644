package io.jcompose.image.build;

import io.jcompose.image.build.dockerfile.ArgDecl;
import io.jcompose.image.build.state.ConfigDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build arguments as Docker scopes them. ARGs before the first FROM are global and only expand FROM
 * lines; a stage sees an ARG from its declaration on (a bare {@code ARG NAME} re-declares a global one with
 * its value). A request's value reaches only declared ARGs, except the predefined proxy variables, which
 * RUN sees without a declaration but which stay out of the cache key and history. In a stage an ENV of the
 * same name wins over the ARG. ARG values reach RUN as environment but are never stored in the image.
 */
final class ArgScope {
    static final Set<String> PROXY_ARGS = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");
    /** BuildKit's automatic platform args: a declaration without default gets these values. */
    static final Map<String, String> AUTOMATIC = Map.of("TARGETPLATFORM", "linux/amd64", "TARGETOS", "linux",
            "TARGETARCH", "amd64", "TARGETVARIANT", "", "BUILDPLATFORM", "linux/amd64", "BUILDOS", "linux",
            "BUILDARCH", "amd64", "BUILDVARIANT", "");

    private final Map<String, String> requested;
    private final Map<String, String> global = new LinkedHashMap<>();
    private final Map<String, String> stage = new LinkedHashMap<>();

    ArgScope(Map<String, String> requested) {
        this.requested = requested;
    }

    /** An ARG before the first FROM; {@code decl}'s default is already expanded. */
    void declareGlobal(ArgDecl decl) {
        global.put(decl.name(), value(decl, null));
    }

    /** Starts a stage: only global ARGs re-declared in it will be visible. */
    void enterStage() {
        stage.clear();
    }

    void declare(ArgDecl decl) {
        stage.put(decl.name(), value(decl, global.get(decl.name())));
    }

    private String value(ArgDecl decl, String inherited) {
        String given = requested.get(decl.name());
        if (given != null) return given;
        if (decl.defaultValue() != null) return decl.defaultValue();
        if (inherited != null) return inherited;
        return AUTOMATIC.get(decl.name());
    }

    /** Expansion on a FROM line: global ARGs only. */
    String lookupGlobal(String name) {
        return global.get(name);
    }

    /** Expansion inside a stage: ENV first, then the stage's ARGs. */
    String lookup(String name, ConfigDraft config) {
        String env = config.env(name);
        return env != null ? env : stage.get(name);
    }

    /** {@code K=V} of the stage's ARGs with a value that no ENV shadows, in declaration order. */
    List<String> runArgs(ConfigDraft config) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, String> e : stage.entrySet()) {
            if (e.getValue() != null && config.env(e.getKey()) == null) result.add(e.getKey() + "=" + e.getValue());
        }
        return result;
    }

    /** The environment of a RUN step: the image's, then ARGs, then undeclared proxy variables. */
    List<String> runEnv(ConfigDraft config) {
        List<String> env = new ArrayList<>(config.env == null ? List.of() : config.env);
        env.addAll(runArgs(config));
        for (String proxy : PROXY_ARGS.stream().sorted().toList()) {
            String v = requested.get(proxy);
            if (v != null && !stage.containsKey(proxy) && config.env(proxy) == null) env.add(proxy + "=" + v);
        }
        return env;
    }
}
