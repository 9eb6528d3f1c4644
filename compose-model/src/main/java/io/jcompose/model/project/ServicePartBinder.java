package io.jcompose.model.project;

import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the smaller structured service attributes: secret and config uses, ulimits, devices, env files,
 * extends, logging, credential spec, models and provider. Short forms compose-go decodes (a bare secret name, a
 * {@code host:container[:perms]} device, an env file path) are accepted as compose-go reads them.
 */
final class ServicePartBinder {
    private ServicePartBinder() {
    }

    /** Secrets and configs: a bare name is {@code {source: name}}; secrets default their target. */
    static List<FileReference> fileReferences(Fields f, String key, String defaultTargetPrefix) {
        List<FileReference> out = new ArrayList<>();
        for (Element e : f.items(key)) {
            if (e.isScalar()) {
                String source = e.text();
                out.add(new FileReference(source, defaultTarget(defaultTargetPrefix, source), null, null, null));
                continue;
            }
            Fields r = e.fields();
            String source = r.str("source");
            String target = r.str("target");
            if (target == null) target = defaultTarget(defaultTargetPrefix, source);
            out.add(new FileReference(source, target, r.str("uid"), r.str("gid"), r.fileMode("mode")));
        }
        return out;
    }

    private static String defaultTarget(String prefix, String source) {
        return prefix == null || source == null ? null : prefix + source;
    }

    /** A number sets both limits; a mapping gives {@code soft} and {@code hard}. */
    static Map<String, Ulimit> ulimits(Fields f, String key) {
        Map<String, Ulimit> out = new LinkedHashMap<>();
        for (Element e : f.entries(key)) {
            if (e.isScalar()) {
                long single = Scalars.toLong(e.node(), e.slot());
                out.put(e.name(), new Ulimit(single, single));
            } else {
                Fields u = e.fields();
                Long soft = u.longOrNull("soft");
                Long hard = u.longOrNull("hard");
                if (soft == null || hard == null) throw e.error("soft and hard limits", "set both soft: and hard:");
                out.put(e.name(), new Ulimit(soft, hard));
            }
        }
        return out;
    }

    /** Long form, or compose-go's short {@code host[:container[:permissions]]} (permissions default to rwm). */
    static List<DeviceMapping> devices(Fields f, String key) {
        List<DeviceMapping> out = new ArrayList<>();
        for (Element e : f.items(key)) {
            if (!e.isScalar()) {
                Fields d = e.fields();
                out.add(new DeviceMapping(d.str("source"), d.str("target"), d.str("permissions")));
                continue;
            }
            String[] parts = e.text().split(":", -1);
            out.add(switch (parts.length) {
                case 1 -> new DeviceMapping(parts[0], parts[0], "rwm");
                case 2 -> new DeviceMapping(parts[0], parts[1], "rwm");
                case 3 -> new DeviceMapping(parts[0], parts[1], parts[2]);
                default -> throw e.error("a device mapping host:container[:permissions]",
                        "use the long syntax with source:, target: and permissions:");
            });
        }
        return out;
    }

    static List<EnvFile> envFiles(Fields f, String key) {
        List<EnvFile> out = new ArrayList<>();
        if (f.raw(key) instanceof ScalarNode) {
            out.add(new EnvFile(f.str(key), true, null));
            return out;
        }
        for (Element e : f.items(key)) {
            if (e.isScalar()) {
                out.add(new EnvFile(e.text(), true, null));
            } else {
                Fields ef = e.fields();
                out.add(new EnvFile(ef.str("path"), ef.boolOr("required", true), ef.str("format")));
            }
        }
        return out;
    }

    static ExtendsConfig extendsConfig(Fields f, String key) {
        if (f.raw(key) instanceof ScalarNode) return new ExtendsConfig(null, f.str(key));
        Fields x = f.obj(key);
        return x == null ? null : new ExtendsConfig(x.str("file"), x.str("service"));
    }

    static Logging logging(Fields l) {
        return l == null ? null : new Logging(l.str("driver"), l.strMap("options"));
    }

    static CredentialSpec credentialSpec(Fields c) {
        return c == null ? null : new CredentialSpec(c.str("config"), c.str("file"), c.str("registry"));
    }

    static Map<String, ServiceModel> models(Fields f, String key) {
        Map<String, ServiceModel> out = new LinkedHashMap<>();
        if (f.raw(key) instanceof SeqNode) {
            for (String name : f.strList(key)) out.put(name, new ServiceModel(null, null));
            return out;
        }
        for (Element e : f.entries(key)) {
            Fields m = e.fields();
            out.put(e.name(), new ServiceModel(m.str("endpoint_var"), m.str("model_var")));
        }
        return out;
    }

    static ServiceProvider provider(Fields p) {
        if (p == null) return null;
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Element e : p.entries("options")) options.put(e.name(), e.isNull() ? List.of() : e.strings());
        return new ServiceProvider(p.str("type"), options);
    }
}
