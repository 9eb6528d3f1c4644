package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/** Binds what happens around a container's life: health check, hooks, init steps, restart and pull policies. */
final class LifecycleBinder {
    private LifecycleBinder() {
    }

    static Healthcheck healthcheck(Fields h) {
        if (h == null) return null;
        List<String> test = h.raw("test") instanceof ScalarNode ? List.of("CMD-SHELL", h.str("test"))
                : h.strList("test");
        return new Healthcheck(test, h.duration("interval"), h.duration("timeout"), h.longOrNull("retries"),
                h.duration("start_period"), h.duration("start_interval"), h.bool("disable"));
    }

    static List<ServiceHook> hooks(Fields f, String key) {
        List<ServiceHook> out = new ArrayList<>();
        for (Element e : f.items(key)) out.add(hook(e.fields()));
        return out;
    }

    static ServiceHook hook(Fields h) {
        if (h == null) return null;
        return new ServiceHook(commandOf(h), h.str("user"), h.bool("privileged"), h.str("working_dir"),
                h.envMap("environment"));
    }

    static List<PreStartStep> preStart(Fields f, String key) {
        List<PreStartStep> out = new ArrayList<>();
        for (Element e : f.items(key)) {
            Fields s = e.fields();
            out.add(new PreStartStep(s.str("image"), commandOf(s), s.str("user"), s.bool("privileged"),
                    s.str("working_dir"), s.envMap("environment"), s.bool("per_replica")));
        }
        return out;
    }

    private static List<String> commandOf(Fields h) {
        List<String> command = h.command("command");
        return command == null ? List.of() : command;
    }

    static Restart restart(Fields f, String key) {
        String text = f.str(key);
        try {
            return text == null ? null : Restart.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelException(f.raw(key).position(), f.at(key).path(), e.getMessage(),
                    "use no, always, on-failure, on-failure:<max retries> or unless-stopped");
        }
    }

    static PullPolicy pullPolicy(Fields f, String key) {
        String text = f.str(key);
        try {
            return text == null ? null : PullPolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelException(f.raw(key).position(), f.at(key).path(), "invalid pull policy \"" + text + "\"",
                    "use always, never, missing, build, refresh, daily, weekly or every_<duration>");
        }
    }
}
