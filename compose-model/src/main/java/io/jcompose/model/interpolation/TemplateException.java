package io.jcompose.model.interpolation;

/**
 * A {@code ${...}} template that cannot be substituted. It carries no position: the caller knows where the
 * text came from ({@link Interpolator} turns it into a {@code ModelException} with the node's position and
 * YAML path, the {@code .env} parser with the file, line and column of the value).
 */
public final class TemplateException extends RuntimeException {

    /** Why substitution failed. */
    public enum Kind {
        /** Broken syntax: {@code ${}}, {@code ${ foo}}, {@code ${foo!}}, an unclosed {@code ${}. */
        INVALID_FORMAT,
        /** {@code ${VAR:?msg}} or {@code ${VAR?msg}} met an unset (or, with the colon, empty) variable. */
        MISSING_REQUIRED
    }

    private final Kind kind;
    private final String variable;

    private TemplateException(Kind kind, String variable, String message) {
        super(message);
        this.kind = kind;
        this.variable = variable;
    }

    static TemplateException invalid(String template) {
        return new TemplateException(Kind.INVALID_FORMAT, null,
                "invalid interpolation format for " + quote(template));
    }

    static TemplateException missing(String variable, String reason) {
        // compose-go's wording, so that scripts grepping docker compose output keep working
        String message = "required variable " + variable + " is missing a value"
                + (reason.isEmpty() ? "" : ": " + reason);
        return new TemplateException(Kind.MISSING_REQUIRED, variable, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The required variable that had no value, or {@code null} for a syntax error. */
    public String variable() {
        return variable;
    }

    /** How the user can fix it, for the fix part of a {@code ModelException}. */
    public String fix() {
        return switch (kind) {
            case INVALID_FORMAT -> "write $$ for a literal $; a reference is $NAME or ${NAME} with an optional"
                    + " :-default, -default, :?error, ?error, :+alternate or +alternate";
            case MISSING_REQUIRED -> "set " + variable + " in the shell environment or in the project's .env file"
                    + " (or the --env-file given on the command line)";
        };
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
