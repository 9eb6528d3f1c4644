package io.jcompose.image.reference;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A normalized image reference, as Docker understands one: {@code redis} is
 * {@code docker.io/library/redis:latest}, {@code host:5000/a/b:tag} keeps its registry, and a digest
 * ({@code @sha256:…}) pins the content. A reference may carry both a tag and a digest; the digest then
 * decides what is pulled and the tag is informational, as in Docker.
 *
 * @param domain the registry, e.g. {@code docker.io}, {@code localhost:5000}, {@code [::1]:5000}
 * @param path   the repository inside it, e.g. {@code library/redis}
 * @param tag    the tag, or null when only a digest was given
 * @param digest the digest, or null
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    public static final String DEFAULT_TAG = "latest";
    static final int MAX_NAME_LENGTH = 255;
    private static final String FORMAT_FIX =
            "write it as [REGISTRY[:PORT]/]NAME[:TAG][@sha256:DIGEST] with a lowercase NAME, e.g. redis:7 or localhost:5000/team/api:1.2";

    public ImageReference {
        if (domain == null || domain.isEmpty() || path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a reference needs a domain and a path");
        }
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("a normalized reference has a tag, a digest or both");
        }
    }

    /**
     * Parses and normalizes a reference the way {@code docker pull} does: adds {@code docker.io},
     * {@code library/} for single-name Hub images, and {@code :latest} when neither tag nor digest is given.
     *
     * @throws ImageException INVALID_ARGUMENT with the reason and the expected form
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("image reference is empty", "name an image, e.g. redis:7");
        }
        if (ReferenceGrammar.IDENTIFIER.matcher(text).matches()) {
            throw invalid("invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings",
                    "to refer to an image by content, write NAME@sha256:" + text);
        }
        String[] split = splitDomain(text);
        String domain = split[0];
        String remainder = split[1];
        int tagSeparator = remainder.indexOf(':');
        String remote = tagSeparator >= 0 ? remainder.substring(0, tagSeparator) : remainder;
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw invalid("invalid reference format \"" + text + "\": repository name (" + remote + ") must be lowercase",
                    "write the repository in lowercase: " + remote.toLowerCase(Locale.ROOT));
        }
        String candidate = domain + "/" + remainder;
        Matcher m = ReferenceGrammar.REFERENCE.matcher(candidate);
        if (!m.matches()) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            if (!lower.equals(candidate) && ReferenceGrammar.REFERENCE.matcher(lower).matches()) {
                throw invalid("invalid reference format \"" + text + "\": repository name must be lowercase",
                        "write the repository in lowercase");
            }
            throw invalid("invalid reference format \"" + text + "\"" + hint(text), FORMAT_FIX);
        }
        Matcher name = ReferenceGrammar.ANCHORED_NAME.matcher(m.group(1));
        if (!name.matches()) {
            throw invalid("invalid reference format \"" + text + "\"", FORMAT_FIX);
        }
        String path = name.group(2);
        if (path.length() > MAX_NAME_LENGTH) {
            throw invalid("invalid reference \"" + abbreviate(text) + "\": repository name must not be more than "
                    + MAX_NAME_LENGTH + " characters", "use a shorter repository name");
        }
        Digest digest = m.group(3) == null ? null : Digest.parse(m.group(3));
        String tag = m.group(2);
        if (tag == null && digest == null) tag = DEFAULT_TAG;
        return new ImageReference(name.group(1), path, tag, digest);
    }

    /** Docker's rule for telling a registry host from the first path component. */
    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) return new String[] {DOCKER_HUB, OFFICIAL_PREFIX + name};
        String first = name.substring(0, slash);
        String rest = name.substring(slash + 1);
        String domain;
        String remote;
        if (first.equals("localhost")) {
            domain = first;
            remote = rest;
        } else if (first.equals(LEGACY_DOCKER_HUB)) {
            domain = DOCKER_HUB;
            remote = rest;
        } else if (first.indexOf('.') >= 0 || first.indexOf(':') >= 0
                || !first.toLowerCase(Locale.ROOT).equals(first)) {
            // a dot, a port or an uppercase letter (never valid in a path) marks a host
            domain = first;
            remote = rest;
        } else {
            domain = DOCKER_HUB;
            remote = name;
        }
        if (domain.equals(DOCKER_HUB) && remote.indexOf('/') < 0) remote = OFFICIAL_PREFIX + remote;
        return new String[] {domain, remote};
    }

    private static String hint(String text) {
        if (text.contains("://")) return ": a reference has no URL scheme";
        if (text.startsWith(":") || text.startsWith("@")) return ": the name is missing";
        if (text.indexOf('%') >= 0) return ": IPv6 zone identifiers are not allowed";
        if (text.endsWith(":") || text.endsWith("@")) return ": the tag or digest after the separator is missing";
        if (text.contains("//")) return ": empty path component";
        return "";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static ImageException invalid(String problem, String fix) {
        return new ImageException(Kind.INVALID_ARGUMENT, problem, fix);
    }

    /** {@code domain/path}, e.g. {@code docker.io/library/redis}. */
    public String repository() {
        return domain + "/" + path;
    }

    public Optional<String> optionalTag() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> optionalDigest() {
        return Optional.ofNullable(digest);
    }

    /** What to ask the registry for: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    public ImageReference withTag(String newTag) {
        if (!ReferenceGrammar.ANCHORED_TAG.matcher(newTag).matches()) {
            throw invalid("invalid tag \"" + newTag + "\"",
                    "a tag is up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        }
        return new ImageReference(domain, path, newTag, digest);
    }

    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(domain, path, tag, newDigest);
    }

    /** The same repository and tag without a digest (or with the digest only, if there is no tag). */
    public ImageReference withoutDigest() {
        return digest == null || tag == null ? this : new ImageReference(domain, path, tag, null);
    }

    /** The host to connect to: Docker Hub's API lives at registry-1.docker.io, not docker.io. */
    public String registryHost() {
        return domain.equals(DOCKER_HUB) ? "registry-1.docker.io" : domain;
    }

    /** The short form Docker prints: {@code redis:latest}, {@code user/app:1}, {@code host:5000/x:y}. */
    public String familiar() {
        String name;
        if (domain.equals(DOCKER_HUB)) {
            name = path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0
                    ? path.substring(OFFICIAL_PREFIX.length()) : path;
        } else {
            name = repository();
        }
        return name + suffix();
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @Override
    public String toString() {
        return repository() + suffix();
    }
}
