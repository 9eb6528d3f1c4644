package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.PathStatView;
import io.jcompose.agent.archive.ArchiveExtractor;
import io.jcompose.agent.archive.ArchiveWriter;
import io.jcompose.agent.archive.ContainerPaths;
import io.jcompose.agent.archive.PathSpace;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.plan.Desired;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * {@code jcompose cp} as docker compose's: a copy in goes to every replica of the service (or {@code --index N};
 * {@code --all} adds one-off containers), a copy out comes from the first replica. The agent reads or fills one
 * directory; this side stats both ends, applies {@link CopyRules}, and makes or unpacks the tar with the agent's
 * own archive classes over the host's {@code /}. What is copied out belongs to whoever runs cp.
 */
final class CpRun {
    private CpRun() {
    }

    static int run(CpCommand cmd, StackSession session) throws IOException {
        String[] src = CopyRules.split(cmd.source);
        String[] dst = CopyRules.split(cmd.destination);
        if (src[0] != null && dst[0] != null) {
            throw new CommandFailure("copying between services is not supported");
        }
        if (src[0] == null && dst[0] == null) {
            throw new CommandFailure("unknown copy direction: name the container side as SERVICE:PATH");
        }
        String service = src[0] != null ? src[0] : dst[0];
        Desired desired = session.desiredIfPresent();
        LabelledProject stack = LabelledProject.find(session.node(), session.projectName(desired));
        ContainerChoice.checkKnown(stack, desired, List.of(service));
        List<ContainerView> targets = cmd.index > 0 ? List.of(ContainerChoice.one(stack, service, cmd.index))
                : ContainerChoice.of(stack, List.of(service), cmd.all);
        if (targets.isEmpty()) {
            throw new CommandFailure("no container found for service \"" + service + "\"");
        }
        String cwd = session.context().workingDirectory().toString();
        AgentClient agent = session.agent();
        if (src[0] != null) {
            ContainerView from = targets.getFirst();
            copyOut(agent, from, src[1], dst[1].equals("-") ? "-" : CopyRules.absolute(cwd, dst[1]), cmd.followLink);
            session.err().println(" Container " + from.name() + "  Copied " + from.name() + ":" + src[1] + " to " + dst[1]);
        } else {
            Path tar = null;
            try {
                if (src[1].equals("-")) {
                    tar = Files.createTempFile("jcompose-cp-", ".tar");
                    try (InputStream in = session.context().stdin().get()) {
                        Files.copy(in, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                for (ContainerView to : targets) {
                    copyIn(agent, to, src[1].equals("-") ? "-" : CopyRules.absolute(cwd, src[1]), dst[1], tar, cmd);
                    session.err().println(" Container " + to.name() + "  Copied " + src[1] + " to " + to.name() + ":" + dst[1]);
                }
            } finally {
                if (tar != null) {
                    Files.deleteIfExists(tar);
                }
            }
        }
        session.err().flush();
        return 0;
    }

    private static void copyIn(AgentClient agent, ContainerView to, String source, String destination, Path stdinTar,
                               CpCommand cmd) throws IOException {
        PathStatView dest = stat(agent, to, destination);
        boolean destIsDir = dest != null && dest.type().equals("directory");
        if (stdinTar != null) {
            if (!destIsDir) {
                throw new CommandFailure("destination \"" + to.name() + ":" + destination + "\" must be a directory");
            }
            agent.writeArchive(to.id(), destination, stdinTar, cmd.archive);
            return;
        }
        boolean follow = cmd.followLink || ContainerPaths.assertsDirectory(source);
        BasicFileAttributes local;
        try {
            local = follow ? Files.readAttributes(Path.of(source), BasicFileAttributes.class)
                    : Files.readAttributes(Path.of(source), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new CommandFailure((follow ? "stat " : "lstat ") + ContainerPaths.clean(source) + ": no such file or directory");
        }
        if (dest != null && !destIsDir && !dest.type().equals("file")) {
            throw new CommandFailure("destination \"" + to.name() + ":" + destination + "\" must be a directory or a regular file");
        }
        CopyRules.Placement place = CopyRules.place(source, local.isDirectory(), destination, dest != null, destIsDir);
        Path tar = Files.createTempFile("jcompose-cp-", ".tar");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 16);
                 PathSpace host = PathSpace.of(Path.of("/"), false)) {
                ArchiveWriter.write(host, source, cmd.followLink, place.topName(), out);
            }
            agent.writeArchive(to.id(), place.directory(), tar, cmd.archive);
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static void copyOut(AgentClient agent, ContainerView from, String source, String destination, boolean follow)
            throws IOException {
        PathStatView src = agent.statPath(from.id(), source, follow); // a missing source is named here
        if (destination.equals("-")) {
            OutputStream stdout = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
            agent.readArchive(from.id(), source, follow, stdout);
            stdout.flush();
            return;
        }
        Path parent = Path.of(ContainerPaths.parent(ContainerPaths.clean(destination)));
        if (!Files.isDirectory(parent)) {
            throw new CommandFailure("invalid output path: directory \"" + parent + "\" does not exist");
        }
        Path dest = Path.of(ContainerPaths.clean(destination));
        boolean exists = Files.exists(dest);
        CopyRules.Placement place = CopyRules.place(source, src.type().equals("directory"), destination, exists,
                exists && Files.isDirectory(dest));
        Path tar = Files.createTempFile("jcompose-cp-", ".tar");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 16)) {
                agent.readArchive(from.id(), source, follow, out);
            }
            try (InputStream in = Files.newInputStream(tar); PathSpace host = PathSpace.of(Path.of("/"), false)) {
                ArchiveExtractor.extract(host, place.directory(), in, ArchiveExtractor.Options.of(
                        ArchiveExtractor.Ownership.UNCHANGED).renamed(ContainerPaths.baseName(source), place.topName()));
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /** The destination in the container, a symlink there followed; null when it does not exist. */
    private static PathStatView stat(AgentClient agent, ContainerView c, String path) {
        try {
            return agent.statPath(c.id(), path, true);
        } catch (AgentException e) {
            if (e.kind() == ErrorKind.NOT_FOUND && e.problem().startsWith("could not find the file")) {
                return null;
            }
            throw e;
        }
    }
}
