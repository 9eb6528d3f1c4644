package io.jcompose.model.discovery;

import java.nio.file.Path;

/**
 * One compose file to load: its name as printed in errors (absolute path, or {@code "-"} for stdin),
 * its text, and the directory its relative paths resolve against.
 */
public record ConfigFile(String name, String content, Path directory) {
}
