package io.jcompose.scheduler.plan;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.scheduler.naming.Labels;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which fields of a container's stored spec differ from the spec the file asks for now: the "which field" of a
 * recreate reason. The config hash decides whether to recreate; this only explains it, so it runs once per
 * diverged container and may use the record's components.
 */
final class SpecDiff {
    private SpecDiff() {
    }

    static List<String> fields(ContainerSpecBody was, ContainerSpecBody now, Map<String, String> wasLabels,
                               Map<String, String> nowLabels) {
        List<String> out = new ArrayList<>();
        if (was != null && now != null) {
            for (RecordComponent c : ContainerSpecBody.class.getRecordComponents()) {
                try {
                    Object a = c.getAccessor().invoke(was);
                    Object b = c.getAccessor().invoke(now);
                    if (!Objects.equals(normalize(a), normalize(b))) out.add(c.getName());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName(), e);
                }
            }
        }
        if (!userLabels(wasLabels).equals(userLabels(nowLabels))) out.add("labels");
        return out;
    }

    /** An empty list and an absent one mean the same to the agent. */
    private static Object normalize(Object value) {
        if (value instanceof List<?> l && l.isEmpty()) return null;
        if (value instanceof Map<?, ?> m && m.isEmpty()) return null;
        return value;
    }

    private static Map<String, String> userLabels(Map<String, String> labels) {
        Map<String, String> out = new TreeMap<>();
        if (labels != null) labels.forEach((k, v) -> {
            if (!k.startsWith(Labels.PREFIX)) out.put(k, v);
        });
        return out;
    }
}
