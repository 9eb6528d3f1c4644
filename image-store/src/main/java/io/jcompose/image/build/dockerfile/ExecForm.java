package io.jcompose.image.build.dockerfile;

import java.util.List;

/** A command in exec (JSON) form: run as it is, no shell. */
public record ExecForm(List<String> args) implements Command {
    public ExecForm {
        args = List.copyOf(args);
    }
}
