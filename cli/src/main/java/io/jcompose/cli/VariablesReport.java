package io.jcompose.cli;

import io.jcompose.model.interpolation.Template;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code config --variables}. By default docker compose's table: Go's tabwriter with a minimum cell width of
 * 20 and 3 spaces of padding, the last column unpadded. With {@code --format json} or {@code yaml}, a map
 * keyed by variable name with the field names docker compose's encoders produce ({@code DefaultValue} in
 * JSON, {@code defaultvalue} in YAML). Sorted by name, where docker compose uses a Go map's random order.
 */
final class VariablesReport {
    static final String[] HEADERS = {"NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"};
    private static final int MIN_WIDTH = 20;
    private static final int PADDING = 3;
    /** Plain YAML scalars that would read back as something other than a string. */
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "~", "yes", "no", "on", "off",
            "y", "n", "True", "False", "TRUE", "FALSE", "Null", "NULL", "Yes", "No", "On", "Off");

    private VariablesReport() {
    }

    static void print(List<Template.Variable> variables, ConfigCommand.Format format, PrintWriter out) {
        List<Template.Variable> sorted = variables.stream()
                .sorted(Comparator.comparing(Template.Variable::name)).toList();
        if (format == null) table(sorted, out);
        else if (format == ConfigCommand.Format.json) json(sorted, out);
        else yaml(sorted, out);
    }

    private static void table(List<Template.Variable> variables, PrintWriter out) {
        String[][] rows = new String[variables.size() + 1][];
        rows[0] = HEADERS;
        for (int i = 0; i < variables.size(); i++) {
            Template.Variable v = variables.get(i);
            rows[i + 1] = new String[] {v.name(), Boolean.toString(v.required()), v.defaultValue(), v.alternateValue()};
        }
        int last = HEADERS.length - 1;
        int[] widths = new int[last];
        for (int c = 0; c < last; c++) {
            int width = MIN_WIDTH;
            for (String[] row : rows) width = Math.max(width, length(row[c]) + PADDING);
            widths[c] = width;
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int c = 0; c < last; c++) line.append(row[c]).repeat(' ', widths[c] - length(row[c]));
            out.println(line.append(row[last]));
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Four-space indentation, as docker compose's JSON formatter writes. */
    private static void json(List<Template.Variable> variables, PrintWriter out) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < variables.size(); i++) {
            Template.Variable v = variables.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    ").append(jsonString(v.name())).append(": {\n");
            sb.append("        \"Name\": ").append(jsonString(v.name())).append(",\n");
            sb.append("        \"DefaultValue\": ").append(jsonString(v.defaultValue())).append(",\n");
            sb.append("        \"PresenceValue\": ").append(jsonString(v.alternateValue())).append(",\n");
            sb.append("        \"Required\": ").append(v.required()).append("\n    }");
        }
        out.println(sb.append(variables.isEmpty() ? "}" : "\n}"));
    }

    private static void yaml(List<Template.Variable> variables, PrintWriter out) {
        if (variables.isEmpty()) {
            out.println("{}");
            return;
        }
        for (Template.Variable v : variables) {
            out.println(yamlString(v.name()) + ":");
            out.println("    name: " + yamlString(v.name()));
            out.println("    defaultvalue: " + yamlString(v.defaultValue()));
            out.println("    presencevalue: " + yamlString(v.alternateValue()));
            out.println("    required: " + v.required());
        }
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Plain when that reads back as the same string, otherwise double-quoted (JSON escapes are valid YAML). */
    static String yamlString(String s) {
        boolean plain = !s.isEmpty() && !YAML_WORDS.contains(s) && !looksNumeric(s)
                && s.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'
                        || c == '.' || c == '/'))
                && s.charAt(0) != '-' && s.charAt(0) != '.';
        return plain ? s : jsonString(s);
    }

    private static boolean looksNumeric(String s) {
        char first = s.charAt(0);
        return Character.isDigit(first) || first == '+' || first == '.';
    }
}
