package io.jcompose.agent.archive;

import io.jcompose.image.tar.TarEntryType;

/** The file type bits of {@code st_mode}. */
enum FileKind {
    FILE, DIRECTORY, SYMLINK, FIFO, CHAR_DEVICE, BLOCK_DEVICE, SOCKET;

    static FileKind of(int mode) {
        return switch (mode & 0170000) {
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMLINK;
            case 0010000 -> FIFO;
            case 0020000 -> CHAR_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            case 0140000 -> SOCKET;
            default -> FILE;
        };
    }

    /** The tar type of this kind; null for a socket, which no archive carries. */
    TarEntryType tarType() {
        return switch (this) {
            case FILE -> TarEntryType.FILE;
            case DIRECTORY -> TarEntryType.DIRECTORY;
            case SYMLINK -> TarEntryType.SYMLINK;
            case FIFO -> TarEntryType.FIFO;
            case CHAR_DEVICE -> TarEntryType.CHAR_DEVICE;
            case BLOCK_DEVICE -> TarEntryType.BLOCK_DEVICE;
            case SOCKET -> null;
        };
    }

    String statusType() {
        return switch (this) {
            case FILE -> "file";
            case DIRECTORY -> "directory";
            case SYMLINK -> "symlink";
            default -> "other";
        };
    }
}
