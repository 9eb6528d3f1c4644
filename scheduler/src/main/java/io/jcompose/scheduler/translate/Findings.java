package io.jcompose.scheduler.translate;

import io.jcompose.scheduler.SchedulerException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a translation could not carry over: errors (the container would not behave as the file says, so nothing
 * is created) and warnings (a tuning knob ignored; the container still does its job). Never a silent drop.
 */
final class Findings {
    private final String service;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Findings(String service) {
        this.service = service;
    }

    void error(String attribute, String problem) {
        errors.add("services." + service + "." + attribute + ": " + problem);
    }

    void warn(String attribute, String problem) {
        warnings.add("services." + service + "." + attribute + ": " + problem);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    void throwIfErrors() {
        if (errors.isEmpty()) return;
        throw new SchedulerException("service " + service + " uses what jcompose cannot run yet:\n  "
                + String.join("\n  ", errors), "remove or change these attributes, then run the command again");
    }
}
