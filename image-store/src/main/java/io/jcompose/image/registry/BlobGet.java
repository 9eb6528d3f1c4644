package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.blob.BlobWriter;
import io.jcompose.image.manifest.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * {@code GET /v2/<name>/blobs/<digest>} streamed into a {@link BlobWriter}. After a dropped connection
 * the retry asks for {@code Range: bytes=<written>-}; a 206 continues where the writer stopped, a 200
 * (server without range support) starts it over. Nothing is buffered in memory beyond one chunk.
 */
final class BlobGet implements RegistryEndpoint<Void> {
    private static final int CHUNK = 1 << 17;

    private final Repository repository;
    private final Descriptor blob;
    private final BlobWriter writer;
    private final LongConsumer progress;
    private final String image;
    private final RetryListener retries;

    BlobGet(Repository repository, Descriptor blob, BlobWriter writer, LongConsumer progress, String image,
            RetryListener retries) {
        this.repository = repository;
        this.blob = blob;
        this.writer = writer;
        this.progress = progress;
        this.image = image;
        this.retries = retries;
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public HttpRequest.Builder request(URI apiBase) {
        HttpRequest.Builder b = HttpRequest.newBuilder(apiBase.resolve(repository.path() + "/blobs/" + blob.digest())).GET();
        if (writer.offset() > 0) b.header("Range", "bytes=" + writer.offset() + "-");
        return b;
    }

    @Override
    public boolean accepts(int status) {
        return status == 200 || status == 206 || status == 416;
    }

    @Override
    public Void handle(HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() == 416) {
            // the server has fewer bytes than we already got: start over, and let the size check speak
            RegistryTransport.discard(response);
            writer.reset();
            throw new IOException("the server cannot resume at byte " + writer.offset());
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long start = writer.offset();
        if (response.statusCode() == 206) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            if (!range.startsWith("bytes " + writer.offset() + "-")) {
                writer.reset();
                RegistryTransport.discard(response);
                throw new IOException("the server resumed at \"" + range + "\" instead of byte " + writer.offset());
            }
        } else {
            writer.reset();
        }
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                writer.write(buffer, 0, n);
                progress.accept(writer.offset());
            }
        }
        if (writer.offset() < blob.size()) {
            long startOfBody = response.statusCode() == 206 ? start : 0;
            if (announced >= 0 && startOfBody + announced == writer.offset()) {
                // the server sent all it has, and it is short: retrying cannot help
                throw new ImageException(Kind.INVALID_ARGUMENT, "blob " + blob.digest() + " is truncated on "
                        + repository.registry() + ": it serves " + writer.offset() + " of " + blob.size() + " bytes",
                        "the image is damaged on the registry; push it again");
            }
            throw new IOException("connection closed after " + writer.offset() + " of " + blob.size() + " bytes");
        }
        return null;
    }

    @Override
    public String action() {
        return "pull layer " + blob.digest() + " of " + image;
    }

    @Override
    public ImageException notFound(String message) {
        return new ImageException(Kind.NOT_FOUND, "blob " + blob.digest() + " of " + image + " is missing on "
                + repository.registry() + (message.isEmpty() ? "" : " (" + message + ")"),
                "the image is incomplete on the registry; push it again");
    }

    @Override
    public void retrying(int attempt, Duration wait, String reason) {
        retries.retrying(attempt, wait, reason);
    }
}
