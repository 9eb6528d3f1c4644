package io.jcompose.cli;

import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.WireJson;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How images are shown: docker's table columns and JSON fields, familiar names, human sizes. */
final class ImageListing {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private ImageListing() {
    }

    /** One row per tag (a dangling image gets one {@code <none>} row), as {@code docker images} shows. */
    record Row(String repository, String tag, String id, String created, long size, String digest) {
    }

    static List<Row> rows(ImageView image) {
        List<Row> rows = new ArrayList<>();
        String digest = image.repoDigests().isEmpty() ? "<none>" : after(image.repoDigests().getFirst(), '@');
        for (String tag : image.repoTags()) {
            int colon = tag.lastIndexOf(':');
            rows.add(new Row(familiar(tag.substring(0, colon)), tag.substring(colon + 1), shortId(image.id()),
                    image.created(), image.size(), digest));
        }
        if (rows.isEmpty()) {
            String repo = image.repoDigests().isEmpty() ? "<none>"
                    : familiar(image.repoDigests().getFirst().substring(0, image.repoDigests().getFirst().indexOf('@')));
            rows.add(new Row(repo, "<none>", shortId(image.id()), image.created(), image.size(), digest));
        }
        return rows;
    }

    static String table(List<ImageView> images, Instant now) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"});
        for (ImageView image : images) {
            for (Row r : rows(image)) {
                lines.add(new String[] {r.repository(), r.tag(), r.id(), since(r.created(), now), size(r.size())});
            }
        }
        return columns(lines);
    }

    /** {@code docker images --format json}: one object per line. */
    static String json(List<ImageView> images) {
        StringBuilder out = new StringBuilder();
        for (ImageView image : images) {
            for (Row r : rows(image)) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("ID", r.id());
                o.put("Repository", r.repository());
                o.put("Tag", r.tag());
                o.put("Digest", r.digest());
                o.put("CreatedAt", r.created() == null ? "" : r.created());
                o.put("Size", size(r.size()));
                o.put("Labels", image.labels());
                out.append(WireJson.text(o)).append('\n');
            }
        }
        return out.toString();
    }

    static String columns(List<String[]> lines) {
        int[] width = new int[lines.getFirst().length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                row.append(line[i]);
                if (i < line.length - 1) {
                    row.append(" ".repeat(width[i] - line[i].length() + 3));
                }
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** {@code docker.io/library/redis} → {@code redis}; {@code docker.io/me/app} → {@code me/app}. */
    static String familiar(String repository) {
        if (repository.startsWith("docker.io/library/")) {
            return repository.substring("docker.io/library/".length());
        }
        return repository.startsWith("docker.io/") ? repository.substring("docker.io/".length()) : repository;
    }

    /** The 12 hex digits docker shows as IMAGE ID. */
    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    /** Decimal units with three significant digits, as docker prints sizes: {@code 4.26MB}, {@code 120MB}. */
    static String size(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        return rounded.toPlainString() + UNITS[unit];
    }

    static String since(String created, Instant now) {
        if (created == null || created.isEmpty()) {
            return "N/A";
        }
        try {
            Duration d = Duration.between(Instant.parse(created), now);
            if (d.isNegative()) {
                return "N/A";
            }
            long s = d.toSeconds();
            if (s < 60) return s + " seconds ago";
            if (s < 3600) return d.toMinutes() + " minutes ago";
            if (s < 86400 * 2) return d.toHours() + " hours ago";
            if (s < 86400 * 14) return d.toDays() + " days ago";
            if (s < 86400 * 60) return d.toDays() / 7 + " weeks ago";
            if (s < 86400 * 730) return d.toDays() / 30 + " months ago";
            return d.toDays() / 365 + " years ago";
        } catch (DateTimeParseException e) {
            return "N/A";
        }
    }

    private static String after(String s, char c) {
        return s.substring(s.indexOf(c) + 1);
    }
}
