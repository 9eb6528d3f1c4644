package io.jcompose.image.manifest;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.util.Locale;

/**
 * An OS/architecture/variant triple such as {@code linux/amd64} or {@code linux/arm64/v8}, normalized
 * as containerd does ({@code x86_64} is {@code amd64}, {@code aarch64} is {@code arm64}, and
 * {@code arm64}'s default variant {@code v8} is dropped).
 *
 * @param variant empty when unspecified
 */
public record Platform(String os, String architecture, String variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", "");

    public Platform {
        os = os == null ? "" : os.toLowerCase(Locale.ROOT);
        architecture = normalizeArchitecture(architecture == null ? "" : architecture.toLowerCase(Locale.ROOT));
        variant = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
        if (architecture.equals("arm64") && variant.equals("v8")) variant = "";
        if (architecture.equals("amd64") && variant.equals("v1")) variant = "";
    }

    /** Parses {@code os/arch[/variant]} as written in {@code platform:} of a compose file. */
    public static Platform parse(String text) {
        String[] parts = text.split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "invalid platform \"" + text + "\"",
                    "write it as OS/ARCH[/VARIANT], e.g. linux/amd64 or linux/arm64/v8");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    private static String normalizeArchitecture(String arch) {
        return switch (arch) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i386", "i686" -> "386";
            default -> arch;
        };
    }

    /** True when an image built for {@code candidate} runs here: same OS and architecture, and the variant asked for. */
    public boolean accepts(Platform candidate) {
        return os.equals(candidate.os) && architecture.equals(candidate.architecture)
                && (variant.isEmpty() || variant.equals(candidate.variant));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
