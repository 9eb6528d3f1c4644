package io.jcompose.cli;

import io.jcompose.agent.api.v1.ImageView;
import io.jcompose.agent.api.v1.PruneView;
import io.jcompose.agent.api.v1.PullProgressView;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.error.AgentException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the {@code image} subcommands do, through the agent. */
final class ImageActions {
    private final CliContext context;
    private final PrintWriter out;
    private final PrintWriter err;

    ImageActions(CliContext context, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    private AgentClient agent() {
        return new AgentConnection(context).connect(err);
    }

    int pull(String reference, String platform, boolean quiet) {
        AgentClient agent = agent();
        PullProgress progress = new PullProgress(err, quiet);
        ImageView image = agent.pullImage(reference, platform, line -> progress.show(reference, line));
        if (!quiet) {
            err.println("Digest: " + (image.repoDigests().isEmpty() ? image.id() : image.repoDigests().getFirst()));
            err.flush();
        }
        out.println(image.repoTags().isEmpty() ? image.id() : image.repoTags().getFirst());
        out.flush();
        return 0;
    }

    int list(boolean quiet, ImageCommand.Format format) {
        List<ImageView> images = agent().images();
        if (quiet) {
            images.stream().map(i -> ImageListing.shortId(i.id())).distinct().forEach(out::println);
        } else if (format == ImageCommand.Format.json) {
            out.print(ImageListing.json(images));
        } else {
            out.print(ImageListing.table(images, Instant.now()));
        }
        out.flush();
        return 0;
    }

    int inspect(List<String> refs) {
        AgentClient agent = agent();
        List<ImageView> views = new ArrayList<>();
        for (String ref : refs) {
            views.add(agent.inspectImage(ref));
        }
        out.println(WireJson.text(views));
        out.flush();
        return 0;
    }

    /** Removes each image; carries on past failures, reporting each, and fails at the end if any failed. */
    int remove(List<String> refs, boolean force) {
        AgentClient agent = agent();
        int failed = 0;
        for (String ref : refs) {
            try {
                agent.removeImage(ref, force);
                out.println("Removed: " + ref);
            } catch (AgentException e) {
                failed++;
                err.println("Error: " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : ErrorReporter.FAILURE;
    }

    int prune(boolean all) {
        PruneView pruned = agent().pruneImages(all);
        if (!pruned.imagesDeleted().isEmpty()) {
            out.println("Deleted Images:");
            pruned.imagesDeleted().forEach(id -> out.println("deleted: " + id));
            out.println();
        }
        out.println("Deleted " + pruned.blobsDeleted() + " blobs and " + pruned.layersDeleted() + " unpacked layers");
        out.flush();
        return 0;
    }

    int load(Path input, boolean quiet) {
        AgentClient agent = agent();
        List<ImageView> loaded;
        if (input != null) {
            if (!Files.isRegularFile(input)) {
                throw new CommandFailure("no archive at " + input + " — give the path of a tar made by `docker save`"
                        + " or `jcompose image save`");
            }
            loaded = agent.loadImages(input);
        } else {
            // The agent takes a body of known length: standard input goes through a temporary file first.
            Path tmp = null;
            try (InputStream in = context.stdin().get()) {
                tmp = Files.createTempFile("jcompose-load-", ".tar");
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                loaded = agent.loadImages(tmp);
            } catch (IOException e) {
                throw new CommandFailure("cannot read the archive from standard input: " + e.getMessage(), e);
            } finally {
                deleteQuietly(tmp);
            }
        }
        if (!quiet) {
            for (ImageView image : loaded) {
                if (image.repoTags().isEmpty()) {
                    out.println("Loaded image ID: " + image.id());
                }
                image.repoTags().forEach(tag -> out.println("Loaded image: " + tag));
            }
            out.flush();
        }
        return 0;
    }

    int save(List<String> refs, Path output, String format) {
        AgentClient agent = agent();
        if (output == null) {
            // Binary output: straight to the process's stdout, not through the command's text writer.
            OutputStream stdout = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
            agent.saveImages(refs, format, stdout);
            return 0;
        }
        Path tmp = output.resolveSibling("." + output.getFileName() + ".tmp");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            agent.saveImages(refs, format, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new CommandFailure("cannot write " + output + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp); // never leave a truncated archive where one is expected
            throw e;
        }
        try {
            Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new CommandFailure("cannot write " + output + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file left in /tmp
        }
    }

    /**
     * Pull progress as plain lines on stderr, one per state change of a layer (not per byte count): the
     * agent reports bytes every few hundred KiB, which would flood a log.
     */
    static final class PullProgress {
        private final PrintWriter err;
        private final boolean quiet;
        private final java.util.Map<String, String> lastStatus = new java.util.concurrent.ConcurrentHashMap<>();

        PullProgress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        void show(String who, PullProgressView line) {
            if (quiet) return;
            String key = who + " " + (line.layer() == null ? "" : line.layer());
            if (line.status().equals(lastStatus.put(key, line.status())) && line.status().equals("downloading")) return;
            StringBuilder text = new StringBuilder(who);
            if (line.layer() != null) {
                text.append(' ').append(ImageListing.shortId(line.layer().substring(line.layer().indexOf(':') + 1)));
            }
            text.append(' ').append(switch (line.status()) {
                case "exists" -> "Already exists";
                case "downloading" -> "Downloading";
                case "downloaded" -> "Download complete";
                case "extracted" -> "Pull complete";
                case "resolving" -> "Pulling";
                case "resolved" -> "Resolved";
                case "pulled" -> "Pulled";
                case "retrying" -> "Retrying";
                default -> line.status();
            });
            if (line.total() != null && line.status().equals("resolved")) text.append(' ').append(ImageListing.size(line.total()));
            if (line.message() != null && line.status().equals("retrying")) text.append(": ").append(line.message());
            synchronized (err) {
                err.println(text);
                err.flush();
            }
        }
    }
}
