package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.PathStatView;
import io.jcompose.agent.archive.ContainerArchives;
import io.jcompose.agent.archive.PathStatus;
import io.jcompose.agent.error.AgentException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * {@code /v1/containers/{ref}/archive}: a path of a container as a tar ({@code GET}), a tar extracted into a
 * directory of it ({@code PUT}, the body streamed to disk first by {@link UploadHandler}), and the stat a client
 * needs to apply docker's rules of where files land ({@code GET .../archive/stat}).
 */
final class ArchiveRoutes {
    private static final System.Logger LOG = System.getLogger(ArchiveRoutes.class.getName());
    private final ContainerArchives archives;

    ArchiveRoutes(ContainerArchives archives) {
        this.archives = archives;
    }

    void serve(String route, ApiRequest r, Reply reply) {
        String ref = r.segments().get(2);
        String path = r.param("path");
        if (path == null || path.isEmpty()) {
            throw AgentException.invalid("the path query parameter is missing", "name a path inside the container");
        }
        boolean follow = r.flag("followLink", false);
        switch (route) {
            case "GET /v1/containers/*/archive/stat" -> reply.json(HttpResponseStatus.OK, view(archives.stat(ref, path, follow)));
            case "GET /v1/containers/*/archive" -> read(ref, path, follow, reply);
            default -> write(r, ref, path, reply);
        }
    }

    private void read(String ref, String path, boolean follow, Reply reply) {
        archives.check(ref, path, follow); // a missing path gets its status before the stream starts
        reply.startStream("application/x-tar");
        try (OutputStream out = reply.streamBody()) {
            archives.read(ref, path, follow, out);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "archive of " + path + " in " + ref + " broke off", e);
            reply.abortStream();
            return;
        }
        reply.endStream();
    }

    private void write(ApiRequest r, String ref, String path, Reply reply) {
        if (r.upload() == null && r.body().length == 0) {
            throw AgentException.invalid("the upload has no archive", "send a tar as the body");
        }
        // without an upload directory (an agent embedded in tests) the body arrived whole
        try (InputStream in = r.upload() != null ? Files.newInputStream(r.upload()) : new java.io.ByteArrayInputStream(r.body())) {
            archives.write(ref, path, in, r.flag("copyUIDGID", false), r.flag("noOverwriteDirNonDir", true));
        } catch (IOException e) {
            throw AgentException.internal("cannot read the uploaded archive: " + e.getMessage(), e);
        }
        reply.json(HttpResponseStatus.OK, null);
    }

    private static PathStatView view(PathStatus s) {
        return new PathStatView(s.name(), s.size(), s.mode(), s.type(), s.modified().toString(), s.linkTarget());
    }
}
