package io.jcompose.agent.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code o} option of a local volume split as {@code mount(8)} does: words it knows become
 * {@code mount(2)} flags (set or cleared), propagation words a separate change after the mount, and
 * everything else (e.g. {@code size=64m,uid=1000}) the file system's data string, in its order.
 *
 * @param flags       the {@code MS_*} flags of the mount itself
 * @param propagation {@code MS_SHARED}/{@code MS_PRIVATE}/… to apply after it, 0 for none
 * @param data        the comma-separated file system options, null when there are none
 */
public record MountOptions(long flags, long propagation, String data) {
    static final long MS_RDONLY = 1;
    static final long MS_NOSUID = 2;
    static final long MS_NODEV = 4;
    static final long MS_NOEXEC = 8;
    static final long MS_SYNCHRONOUS = 16;
    static final long MS_REMOUNT = 32;
    static final long MS_MANDLOCK = 64;
    static final long MS_DIRSYNC = 128;
    static final long MS_NOATIME = 1024;
    static final long MS_NODIRATIME = 2048;
    static final long MS_BIND = 4096;
    static final long MS_REC = 16384;
    static final long MS_UNBINDABLE = 1 << 17;
    static final long MS_PRIVATE = 1 << 18;
    static final long MS_SLAVE = 1 << 19;
    static final long MS_SHARED = 1 << 20;
    static final long MS_RELATIME = 1 << 21;
    static final long MS_STRICTATIME = 1 << 24;

    /** A word of {@code o}: whether it clears its flag (e.g. {@code rw} clears {@code MS_RDONLY}) and the flag. */
    private record Word(boolean clear, long flag) {
    }

    private static final Map<String, Word> FLAGS = Map.ofEntries(
            Map.entry("defaults", new Word(false, 0)),
            Map.entry("ro", new Word(false, MS_RDONLY)), Map.entry("rw", new Word(true, MS_RDONLY)),
            Map.entry("nosuid", new Word(false, MS_NOSUID)), Map.entry("suid", new Word(true, MS_NOSUID)),
            Map.entry("nodev", new Word(false, MS_NODEV)), Map.entry("dev", new Word(true, MS_NODEV)),
            Map.entry("noexec", new Word(false, MS_NOEXEC)), Map.entry("exec", new Word(true, MS_NOEXEC)),
            Map.entry("sync", new Word(false, MS_SYNCHRONOUS)), Map.entry("async", new Word(true, MS_SYNCHRONOUS)),
            Map.entry("dirsync", new Word(false, MS_DIRSYNC)),
            Map.entry("mand", new Word(false, MS_MANDLOCK)), Map.entry("nomand", new Word(true, MS_MANDLOCK)),
            Map.entry("noatime", new Word(false, MS_NOATIME)), Map.entry("atime", new Word(true, MS_NOATIME)),
            Map.entry("nodiratime", new Word(false, MS_NODIRATIME)), Map.entry("diratime", new Word(true, MS_NODIRATIME)),
            Map.entry("relatime", new Word(false, MS_RELATIME)), Map.entry("norelatime", new Word(true, MS_RELATIME)),
            Map.entry("strictatime", new Word(false, MS_STRICTATIME)),
            Map.entry("nostrictatime", new Word(true, MS_STRICTATIME)),
            Map.entry("bind", new Word(false, MS_BIND)), Map.entry("rbind", new Word(false, MS_BIND | MS_REC)));

    private static final Map<String, Long> PROPAGATION = Map.of(
            "private", MS_PRIVATE, "rprivate", MS_PRIVATE | MS_REC,
            "shared", MS_SHARED, "rshared", MS_SHARED | MS_REC,
            "slave", MS_SLAVE, "rslave", MS_SLAVE | MS_REC,
            "unbindable", MS_UNBINDABLE, "runbindable", MS_UNBINDABLE | MS_REC);

    /** Splits {@code o}; null or blank gives no flags and no data. */
    public static MountOptions parse(String o) {
        long flags = 0;
        long propagation = 0;
        List<String> data = new ArrayList<>();
        if (o != null) {
            for (String word : o.split(",")) {
                String w = word.strip();
                if (w.isEmpty()) {
                    continue;
                }
                Word f = FLAGS.get(w);
                Long p = PROPAGATION.get(w);
                if (f != null) {
                    flags = f.clear() ? flags & ~f.flag() : flags | f.flag();
                } else if (p != null) {
                    propagation |= p;
                } else {
                    data.add(w);
                }
            }
        }
        return new MountOptions(flags, propagation, data.isEmpty() ? null : String.join(",", data));
    }

    /** Whether this is a bind mount ({@code bind} or {@code rbind}). */
    public boolean bind() {
        return (flags & MS_BIND) != 0;
    }

    public boolean readOnly() {
        return (flags & MS_RDONLY) != 0;
    }

    /** The value of a data option such as {@code addr}, or null. */
    public String dataValue(String key) {
        if (data == null) {
            return null;
        }
        for (String part : data.split(",")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }
}
