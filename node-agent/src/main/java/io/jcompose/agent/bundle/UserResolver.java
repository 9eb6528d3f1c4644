package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a compose {@code user} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}, empty
 * for root) and {@code group_add} into numeric ids, with the rules of Docker (runc's
 * {@code GetExecUser}): a numeric uid needs no passwd entry, a name must have one; without an
 * explicit group the user's group memberships become supplementary groups.
 */
public final class UserResolver {
    private UserResolver() {
    }

    /** One {@code /etc/passwd} row. */
    record PasswdEntry(String name, long uid, long gid, String home) {
    }

    /** One {@code /etc/group} row. */
    record GroupEntry(String name, long gid, List<String> members) {
    }

    /** Reads the image's account files from {@code rootfs} and resolves. */
    public static ResolvedUser resolve(Path rootfs, String user, List<String> groupAdd) {
        return resolve(RootfsPath.readText(rootfs, "/etc/passwd"), RootfsPath.readText(rootfs, "/etc/group"),
                user, groupAdd);
    }

    /** Resolves against the given file contents. */
    public static ResolvedUser resolve(String passwdText, String groupText, String user, List<String> groupAdd) {
        List<PasswdEntry> passwd = parsePasswd(passwdText);
        List<GroupEntry> groups = parseGroups(groupText);
        String spec = user == null || user.isEmpty() ? "0" : user;
        int colon = spec.indexOf(':');
        String userPart = colon < 0 ? spec : spec.substring(0, colon);
        String groupPart = colon < 0 ? "" : spec.substring(colon + 1);
        if (userPart.isEmpty()) {
            throw AgentException.invalid("user \"" + user + "\" has no user part", "write it as name, uid, name:group or uid:gid");
        }

        PasswdEntry entry;
        long uid;
        if (isNumber(userPart)) {
            uid = Long.parseLong(userPart);
            entry = passwd.stream().filter(p -> p.uid == uid).findFirst().orElse(null);
        } else {
            entry = passwd.stream().filter(p -> p.name.equals(userPart)).findFirst().orElseThrow(() ->
                    AgentException.invalid("user \"" + userPart + "\" is not defined in the image's /etc/passwd",
                            "use a user the image defines, a numeric uid, or add the user to the image"));
            uid = entry.uid;
        }
        long gid = entry == null ? 0 : entry.gid;
        Set<Long> additional = new LinkedHashSet<>();
        if (!groupPart.isEmpty()) {
            gid = groupId(groups, groupPart, "user \"" + user + "\"");
        } else if (entry != null) {
            for (GroupEntry g : groups) {
                if (g.members.contains(entry.name)) {
                    additional.add(g.gid);
                }
            }
        }
        for (String extra : groupAdd) {
            additional.add(groupId(groups, extra, "group_add"));
        }
        String home = entry == null || entry.home.isEmpty() ? "/" : entry.home;
        return new ResolvedUser(uid, gid, new ArrayList<>(additional), home);
    }

    private static long groupId(List<GroupEntry> groups, String group, String where) {
        if (isNumber(group)) {
            return Long.parseLong(group);
        }
        return groups.stream().filter(g -> g.name.equals(group)).findFirst().map(GroupEntry::gid).orElseThrow(() ->
                AgentException.invalid(where + ": group \"" + group + "\" is not defined in the image's /etc/group",
                        "use a group the image defines or a numeric gid"));
    }

    static List<PasswdEntry> parsePasswd(String text) {
        List<PasswdEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.startsWith("#") || f.length < 4 || !isNumber(f[2]) || !isNumber(f[3])) {
                continue;
            }
            out.add(new PasswdEntry(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f.length > 5 ? f[5] : ""));
        }
        return out;
    }

    static List<GroupEntry> parseGroups(String text) {
        List<GroupEntry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.startsWith("#") || f.length < 3 || !isNumber(f[2])) {
                continue;
            }
            List<String> members = f.length > 3 && !f[3].isBlank() ? List.of(f[3].strip().split(",")) : List.of();
            out.add(new GroupEntry(f[0], Long.parseLong(f[2]), members));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
