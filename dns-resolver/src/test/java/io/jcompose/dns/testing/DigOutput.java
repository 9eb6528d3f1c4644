package io.jcompose.dns.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code dig} printed, read by section: each record a list of its fields (name, ttl, class, type, data). */
public record DigOutput(String output) {
    private static final Pattern STATUS = Pattern.compile("status: (\\w+)");
    private static final Pattern FLAGS = Pattern.compile(";; flags: ([a-z ]*);");

    public String status() {
        Matcher m = STATUS.matcher(output);
        return m.find() ? m.group(1) : "no status in: " + output;
    }

    public List<String> flags() {
        Matcher m = FLAGS.matcher(output);
        return m.find() ? List.of(m.group(1).trim().split(" +")) : List.of();
    }

    public List<List<String>> answers() {
        return section(";; ANSWER SECTION:");
    }

    public List<List<String>> authority() {
        return section(";; AUTHORITY SECTION:");
    }

    /** The data field (A address, PTR target...) of every answer. */
    public List<String> answerData() {
        return answers().stream().map(r -> r.get(4)).toList();
    }

    private List<List<String>> section(String header) {
        List<List<String>> records = new ArrayList<>();
        boolean inside = false;
        for (String line : output.split("\n")) {
            if (line.startsWith(header)) {
                inside = true;
            } else if (inside && (line.isBlank() || line.startsWith(";"))) {
                inside = false;
            } else if (inside) {
                records.add(List.of(line.trim().split("\\s+", 5)));
            }
        }
        return records;
    }
}
