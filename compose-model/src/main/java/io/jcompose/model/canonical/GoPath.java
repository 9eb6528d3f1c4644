package io.jcompose.model.canonical;

/**
 * Go's {@code path.Clean} and {@code filepath.Join} on Unix. compose-go builds every absolute path
 * with these, so {@code ./a/../b/}, {@code .} and {@code ~/x} must come out exactly as Go spells them
 * ({@code java.nio.file.Path#normalize} differs on edge cases such as {@code a/../..}).
 */
final class GoPath {
    private GoPath() {
    }

    static String clean(String path) {
        if (path.isEmpty()) return ".";
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') w--;
                    out.setLength(w);
                } else if (!rooted) {
                    if (!out.isEmpty()) out.append('/');
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && !out.isEmpty()) out.append('/');
                while (r < n && path.charAt(r) != '/') out.append(path.charAt(r++));
            }
        }
        return out.isEmpty() ? "." : out.toString();
    }

    static String join(String... elements) {
        StringBuilder sb = new StringBuilder();
        for (String e : elements) {
            if (e.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append('/');
            sb.append(e);
        }
        return sb.isEmpty() ? "" : clean(sb.toString());
    }

    static boolean isAbs(String path) {
        return path.startsWith("/");
    }

    /** compose-go accepts Windows host paths ({@code C:\x}, {@code \\server\share}) as absolute. */
    static boolean isWindowsAbs(String path) {
        if (path.startsWith("\\\\")) return true;
        return path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
    }
}
