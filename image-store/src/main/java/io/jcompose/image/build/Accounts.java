package io.jcompose.image.build;

import io.jcompose.image.build.context.Owner;
import io.jcompose.image.build.layer.LayeredTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves {@code --chown=user:group} as Docker does: numbers are taken as they are, names are looked up
 * in the image's {@code /etc/passwd} and {@code /etc/group} (through its layers); a user without a group
 * gets the user's primary group (or the same number, for a numeric user).
 */
final class Accounts {
    private Accounts() {
    }

    static Owner resolve(String chown, LayeredTree tree) throws IOException {
        int colon = chown.indexOf(':');
        String user = colon < 0 ? chown : chown.substring(0, colon);
        String group = colon < 0 ? null : chown.substring(colon + 1);
        int uid;
        Integer primary = null;
        if (isNumber(user)) {
            uid = Integer.parseInt(user);
        } else {
            String[] entry = entry(tree, "/etc/passwd", user);
            if (entry == null || entry.length < 4) {
                throw new BuildException("unable to find user " + user + " in the image's /etc/passwd (--chown=" + chown + ")",
                        "create the user in an earlier step, or give a numeric uid");
            }
            uid = Integer.parseInt(entry[2]);
            primary = Integer.parseInt(entry[3]);
        }
        int gid;
        if (group == null || group.isEmpty()) {
            gid = primary != null ? primary : uid;
        } else if (isNumber(group)) {
            gid = Integer.parseInt(group);
        } else {
            String[] entry = entry(tree, "/etc/group", group);
            if (entry == null || entry.length < 3) {
                throw new BuildException("unable to find group " + group + " in the image's /etc/group (--chown=" + chown + ")",
                        "create the group in an earlier step, or give a numeric gid");
            }
            gid = Integer.parseInt(entry[2]);
        }
        return new Owner(uid, gid);
    }

    private static String[] entry(LayeredTree tree, String file, String name) throws IOException {
        Path path = tree.find(file);
        if (path == null || !Files.isRegularFile(path)) return null;
        for (String line : Files.readAllLines(path)) {
            String[] fields = line.split(":", -1);
            if (fields.length > 2 && fields[0].equals(name)) return fields;
        }
        return null;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
