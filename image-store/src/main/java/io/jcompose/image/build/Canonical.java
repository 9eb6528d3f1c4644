package io.jcompose.image.build;

import io.jcompose.image.build.dockerfile.Command;
import io.jcompose.image.build.dockerfile.ExecForm;
import io.jcompose.image.build.dockerfile.Instruction;
import io.jcompose.image.build.dockerfile.ShellForm;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical form of an instruction for the step cache: its kind and every field after expansion,
 * without its line number and source text, so moving a step or reformatting its continuation lines
 * keeps the cache while any change of meaning misses it.
 */
final class Canonical {
    private Canonical() {
    }

    static String of(Instruction expanded) {
        StringBuilder sb = new StringBuilder(expanded.getClass().getSimpleName());
        for (RecordComponent c : expanded.getClass().getRecordComponents()) {
            if (c.getName().equals("line") || c.getName().equals("text")) continue;
            Object value;
            try {
                value = c.getAccessor().invoke(expanded);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            sb.append(' ').append(c.getName()).append('=');
            sb.append(value instanceof Instruction nested ? of(nested) : String.valueOf(value));
        }
        return sb.toString();
    }

    /** The process a shell- or exec-form command stands for. */
    static List<String> args(Command command, List<String> shell) {
        return switch (command) {
            case ExecForm exec -> exec.args();
            case ShellForm sh -> {
                List<String> args = new ArrayList<>(shell);
                args.add(sh.script());
                yield args;
            }
        };
    }
}
