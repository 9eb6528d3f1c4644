package io.jcompose.agent.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A container's log as files: {@code ctr.log}, which the monitor writes, and the earlier generations
 * {@code ctr.log.1}, {@code ctr.log.2}, … (higher is newer).
 *
 * <p>How rotation works: the monitor (conmon, {@code --log-size-max}) starts a new {@code ctr.log} when the
 * next line would take the file past the size limit, by creating {@code ctr.log.tmp} and renaming it over
 * {@code ctr.log} — which would discard the old file. So as soon as a {@code ctr.log} appears, {@link #keep}
 * gives it a second name, the next generation number, by a hard link: when conmon replaces it, its lines
 * live on under that name. {@link #keep} also removes the oldest generations beyond {@link LogPolicy#maxFiles}.
 * The writer is conmon alone, so rotation goes on while the agent is down; only the history of a
 * file started and replaced while no agent ran is lost, and the files stay bounded either way.
 */
public final class LogGenerations {
    private LogGenerations() {
    }

    /**
     * Links the current log as the newest generation unless it already is one, then removes generations
     * beyond {@code policy}: with {@code maxFiles} N, the current file and N-1 earlier ones remain.
     */
    public static void keep(Path log, LogPolicy policy) {
        try {
            Object current = inode(log);
            List<Generation> generations = generations(log);
            if (current != null && generations.stream().noneMatch(g -> current.equals(g.inode()))) {
                int next = generations.isEmpty() ? 1 : generations.getLast().number() + 1;
                try {
                    Files.createLink(generation(log, next), log);
                    generations.add(new Generation(next, generation(log, next), current));
                } catch (FileAlreadyExistsException | NoSuchFileException e) {
                    // a concurrent keep() linked it, or conmon replaced it just now: the next call catches up
                }
            }
            List<Generation> earlier = generations.stream().filter(g -> !Objects.equals(current, g.inode())).toList();
            for (int i = 0; i < earlier.size() - (policy.maxFiles() - 1); i++) {
                Files.deleteIfExists(earlier.get(i).path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generations of " + log, e);
        }
    }

    /** The files holding the log, oldest first, each once: earlier generations, then the current file. */
    public static List<Path> files(Path log) {
        try {
            Object current = inode(log);
            List<Path> out = new ArrayList<>();
            for (Generation g : generations(log)) {
                if (!Objects.equals(current, g.inode())) {
                    out.add(g.path());
                }
            }
            if (current != null) {
                out.add(log);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the generations of " + log, e);
        }
    }

    /** The file's identity (device and inode), or null when it does not exist. */
    static Object inode(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private record Generation(int number, Path path, Object inode) {
    }

    private static Path generation(Path log, int number) {
        return log.resolveSibling(log.getFileName() + "." + number);
    }

    /** The numbered generations, oldest first. */
    private static List<Generation> generations(Path log) throws IOException {
        String prefix = log.getFileName() + ".";
        List<Generation> out = new ArrayList<>();
        if (!Files.isDirectory(log.getParent())) {
            return out;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(log.getParent(), prefix + "*")) {
            for (Path p : dir) {
                String suffix = p.getFileName().toString().substring(prefix.length());
                if (!suffix.isEmpty() && suffix.length() < 10 && suffix.chars().allMatch(Character::isDigit)) {
                    Object inode = inode(p);
                    if (inode != null) {
                        out.add(new Generation(Integer.parseInt(suffix), p, inode));
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt(Generation::number));
        return out;
    }
}
