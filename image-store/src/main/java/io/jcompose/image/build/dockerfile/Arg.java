package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code ARG name[=default] …}. Expansion expands the defaults (names stay as declared). */
public record Arg(int line, String text, List<ArgDecl> decls) implements Instruction {
    public Arg {
        decls = List.copyOf(decls);
    }

    @Override
    public Arg expand(Function<String, String> lookup, char escape) {
        List<ArgDecl> out = new ArrayList<>(decls.size());
        for (ArgDecl decl : decls) {
            out.add(new ArgDecl(decl.name(), ShellWords.expandNullable(decl.defaultValue(), lookup, escape, line)));
        }
        return new Arg(line, text, out);
    }
}
