package io.jcompose.image.build.state;

import io.jcompose.image.wire.ImageConfigJson;
import io.jcompose.image.wire.ImageConfigJson.ContainerConfigJson;
import io.jcompose.image.wire.ImageConfigJson.HealthcheckJson;
import io.jcompose.image.wire.ImageConfigJson.HistoryJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image configuration being edited by one build step: read from the parent's {@link ImageConfigJson},
 * changed field by field, written back. Maps are kept sorted, as Go's JSON encoder writes them, so the
 * same settings always give the same config bytes (and image ID).
 */
public final class ConfigDraft {
    /** Docker's PATH for images that set none (an image built FROM scratch gets it). */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public String created;
    public String architecture;
    public String os;
    public String variant;
    public String user;
    public Map<String, Object> exposedPorts;
    public List<String> env;
    public List<String> entrypoint;
    public List<String> cmd;
    public Map<String, Object> volumes;
    public String workingDir;
    public Map<String, String> labels;
    public String stopSignal;
    public HealthcheckJson healthcheck;
    public List<String> onBuild;
    public List<String> shell;
    public List<HistoryJson> history;

    public ConfigDraft(ImageConfigJson json) {
        created = json.created();
        architecture = json.architecture();
        os = json.os();
        variant = json.variant();
        ContainerConfigJson c = json.config();
        if (c != null) {
            user = c.user();
            exposedPorts = sorted(c.exposedPorts());
            env = c.env() == null ? null : new ArrayList<>(c.env());
            entrypoint = c.entrypoint();
            cmd = c.cmd();
            volumes = sorted(c.volumes());
            workingDir = c.workingDir();
            labels = c.labels() == null ? null : new TreeMap<>(c.labels());
            stopSignal = c.stopSignal();
            healthcheck = c.healthcheck();
            onBuild = c.onBuild();
            shell = c.shell();
        }
        history = json.history() == null ? new ArrayList<>() : new ArrayList<>(json.history());
    }

    /** The configuration of an image built FROM scratch. */
    public static ImageConfigJson scratch(String os, String architecture) {
        return new ImageConfigJson(null, null, architecture, os, null, null,
                new ContainerConfigJson(null, null, List.of("PATH=" + DEFAULT_PATH), null, null, null, null, null,
                        null, null, null, null, null), null, List.of());
    }

    public ImageConfigJson toJson() {
        ContainerConfigJson c = new ContainerConfigJson(empty(user), nonEmpty(exposedPorts), nonEmpty(env),
                entrypoint, cmd, nonEmpty(volumes), empty(workingDir), labels == null || labels.isEmpty() ? null : labels,
                empty(stopSignal), healthcheck, null, nonEmpty(onBuild), nonEmpty(shell));
        return new ImageConfigJson(created, null, architecture, os, null, empty(variant), c, null, List.copyOf(history));
    }

    /** The value of an environment variable, or null. */
    public String env(String name) {
        if (env == null) return null;
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq < 0 ? e.equals(name) : e.substring(0, eq).equals(name)) return eq < 0 ? "" : e.substring(eq + 1);
        }
        return null;
    }

    /** Sets {@code name}, replacing its earlier value in place (Docker keeps the original position). */
    public void setEnv(String name, String value) {
        if (env == null) env = new ArrayList<>();
        for (int i = 0; i < env.size(); i++) {
            String e = env.get(i);
            int eq = e.indexOf('=');
            if ((eq < 0 ? e : e.substring(0, eq)).equals(name)) {
                env.set(i, name + "=" + value);
                return;
            }
        }
        env.add(name + "=" + value);
    }

    public Map<String, String> envMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (env != null) {
            for (String e : env) {
                int eq = e.indexOf('=');
                map.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
            }
        }
        return map;
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        return map == null ? null : new TreeMap<>(map);
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static <K, V> Map<K, V> nonEmpty(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
