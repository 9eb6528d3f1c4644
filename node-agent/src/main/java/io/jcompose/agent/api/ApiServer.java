package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.network.AgentNetworks;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.volume.VolumeService;
import io.jcompose.agent.image.AgentImages;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * The JSON HTTP API on a unix socket (no TCP listener), served by Netty over the JDK's own unix
 * socket support, so no native library is needed. The socket is mode 0660: root and the socket's
 * group may talk to the agent.
 */
public final class ApiServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final Path socket;

    private ApiServer(EventLoopGroup group, Channel channel, Path socket) {
        this.group = group;
        this.channel = channel;
        this.socket = socket;
    }

    /** Binds {@code socket} (replacing a stale file: the caller holds the instance lock) and serves. */
    public static ApiServer start(Path socket, ContainerService containers, AgentNetworks networks, EventBus events,
                                  Supplier<VersionView> version) {
        return start(socket, containers, networks, events, version, null, null, null);
    }

    /**
     * As above, also serving {@code /v1/volumes} from {@code volumes} and {@code /v1/images} from {@code images};
     * uploaded archives are streamed into {@code uploads} (emptied here: leftovers of a killed agent).
     */
    public static ApiServer start(Path socket, ContainerService containers, AgentNetworks networks, EventBus events,
                                  Supplier<VersionView> version, VolumeService volumes, AgentImages images, Path uploads) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Files.createDirectories(socket.getParent());
            Files.deleteIfExists(socket);
            if (uploads != null) {
                clear(uploads);
            }
            Routes routes = new Routes(containers, networks, events, version, volumes, images);
            ApiHandler handler = new ApiHandler(routes);
            Channel channel = new ServerBootstrap().group(group)
                    .channel(NioServerDomainSocketChannel.class)
                    .childHandler(new ApiInitializer(handler, routes, images == null ? null : uploads))
                    .bind(UnixDomainSocketAddress.of(socket)).sync().channel();
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
            return new ApiServer(group, channel, socket);
        } catch (IOException e) {
            group.shutdownGracefully();
            throw AgentException.unavailable("cannot listen on " + socket + ": " + e.getMessage(),
                    "check that the runtime directory is writable");
        } catch (InterruptedException e) {
            group.shutdownGracefully();
            Thread.currentThread().interrupt();
            throw AgentException.unavailable("interrupted while binding " + socket, null);
        }
    }

    private static void clear(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // A stale socket file is replaced by the next agent.
        }
    }
}
