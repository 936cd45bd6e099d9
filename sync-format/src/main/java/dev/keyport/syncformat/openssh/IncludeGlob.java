package dev.keyport.syncformat.openssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** POSIX-like glob expansion for Include: {@code *}, {@code ?} and {@code [...]} in any path component. */
final class IncludeGlob {

    private IncludeGlob() {
    }

    static List<Path> expand(Path pattern) {
        Path root = pattern.getRoot();
        List<Path> current = new ArrayList<>();
        current.add(root == null ? Paths.get("") : root);
        for (Path part : pattern) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasGlob(name)) {
                    Path child = dir.resolve(name);
                    if (Files.exists(child)) {
                        next.add(child);
                    }
                    continue;
                }
                Pattern regex = toRegex(name);
                List<Path> children = new ArrayList<>();
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                    for (Path child : stream) {
                        String childName = child.getFileName().toString();
                        if (regex.matcher(childName).matches() && (!childName.startsWith(".") || name.startsWith("."))) {
                            children.add(child);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // not a readable directory: no matches here
                }
                children.sort(null);
                next.addAll(children);
            }
            current = next;
        }
        return current;
    }

    private static boolean hasGlob(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int end = glob.indexOf(']', i + 2);
                String set = glob.substring(i + 1, end);
                if (set.startsWith("!")) {
                    set = "^" + set.substring(1);
                }
                regex.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
