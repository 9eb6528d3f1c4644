package io.jcompose.image.build.dockerfile;

/** Reading the one field of a raw {@code RUN --mount=} value the parser needs: the stage it mounts from. */
final class Mounts {
    private Mounts() {
    }

    /** The {@code from=} field of a {@code type=…,from=…,…} mount, or null. */
    static String from(String mount) {
        int i = 0;
        while (i <= mount.length()) {
            int comma = mount.indexOf(',', i);
            int end = comma < 0 ? mount.length() : comma;
            String field = mount.substring(i, end).trim();
            if (field.regionMatches(true, 0, "from=", 0, 5)) {
                String v = field.substring(5);
                return v.isEmpty() ? null : v;
            }
            i = end + 1;
        }
        return null;
    }
}
