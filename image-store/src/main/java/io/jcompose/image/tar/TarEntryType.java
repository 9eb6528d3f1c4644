package io.jcompose.image.tar;

/** The kinds of file a layer may hold, with their ustar type flag. */
public enum TarEntryType {
    FILE('0'),
    HARDLINK('1'),
    SYMLINK('2'),
    CHAR_DEVICE('3'),
    BLOCK_DEVICE('4'),
    DIRECTORY('5'),
    FIFO('6');

    private final char flag;

    TarEntryType(char flag) {
        this.flag = flag;
    }

    public char flag() {
        return flag;
    }
}
