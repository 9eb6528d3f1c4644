package io.jcompose.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A field of a command as picocli reads and sets it, given as code rather than found through annotations: a
 * command model read from annotations costs every command the ~9 annotation proxy classes the JDK generates at run
 * time (tens of ms; an AOT cache cannot hold them), so the root command and {@code run} build theirs in code.
 * Each binding starts from the field's value as the command object holds it, as picocli does for an annotated
 * field (it resets the field to that value before parsing).
 */
final class FieldBinding implements IGetter, ISetter {
    private final Supplier<?> get;
    private final Consumer<Object> set;

    @SuppressWarnings("unchecked")
    private <T> FieldBinding(Supplier<T> get, Consumer<T> set) {
        this.get = get;
        this.set = (Consumer<Object>) set;
    }

    /** An option of {@code type} named {@code names}, bound to the field read by {@code get} and written by {@code set}. */
    static <T> OptionSpec.Builder option(Class<T> type, Supplier<T> get, Consumer<T> set, String... names) {
        FieldBinding b = new FieldBinding(get, set);
        return OptionSpec.builder(names).type(type).getter(b).setter(b).initialValue(b.get());
    }

    /** A list-valued option of strings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static OptionSpec.Builder strings(Supplier<java.util.List<String>> get, Consumer<java.util.List<String>> set,
                                      String... names) {
        FieldBinding b = new FieldBinding(get, set);
        return OptionSpec.builder(names).type(java.util.List.class).auxiliaryTypes(String.class).getter(b).setter(b).initialValue(b.get());
    }

    /** A positional parameter of {@code type}. */
    static <T> PositionalParamSpec.Builder positional(Class<T> type, Supplier<T> get, Consumer<T> set) {
        FieldBinding b = new FieldBinding(get, set);
        return PositionalParamSpec.builder().type(type).getter(b).setter(b).initialValue(b.get());
    }

    /** A list-valued positional parameter of strings. */
    static PositionalParamSpec.Builder positionalStrings(Supplier<java.util.List<String>> get,
                                                         Consumer<java.util.List<String>> set) {
        FieldBinding b = new FieldBinding(get, set);
        return PositionalParamSpec.builder().type(java.util.List.class).auxiliaryTypes(String.class).getter(b).setter(b).initialValue(b.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        return (T) get.get();
    }

    @Override
    public <T> T set(T value) {
        T old = get();
        set.accept(value);
        return old;
    }
}
