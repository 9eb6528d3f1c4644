package io.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of randomly broken variants of a valid project: each must either load or fail with a
 * {@link ModelException} that names the file and a position — never another exception, never a hang.
 */
class MutationTest {
    private static final String VALID = """
            name: shop
            x-common: &common
              restart: unless-stopped
              logging:
                driver: json-file
                options: {max-size: 10m}
            services:
              web:
                <<: *common
                image: "nginx:${TAG:-1.27}"
                ports: ["8080:80", "127.0.0.1:8443:443/tcp"]
                depends_on:
                  api: {condition: service_healthy}
                networks: [front]
                volumes: ["./html:/usr/share/nginx/html:ro", "cache:/var/cache/nginx"]
              api:
                <<: *common
                build: {context: ./api, args: {VERSION: "2"}}
                command: ["serve", "--port", "9000"]
                environment:
                  DB_URL: postgres://db:5432/shop
                  DEBUG: "false"
                healthcheck:
                  test: ["CMD", "wget", "-q", "-O-", "http://localhost:9000/health"]
                  interval: 10s
                  retries: 5
                networks: [front, back]
                deploy:
                  resources:
                    limits: {cpus: "0.5", memory: 256M}
              db:
                image: postgres:16
                volumes:
                  - type: volume
                    source: data
                    target: /var/lib/postgresql/data
                networks:
                  back:
                    aliases: [database]
                profiles: [backend]
            networks:
              front: {}
              back: {internal: true}
            volumes:
              data: {}
              cache: {}
            """;
    private static final String ALPHABET = ":-[]{}'\"$ \n\t#&*!|>,?%@`\\0123456789abcxyz";

    @TempDir
    Path tmp;

    @Test
    void brokenFilesOnlyEverGiveModelErrorsWithPositions() {
        assertThat(load(VALID)).isNull();
        Random random = new Random(20261123);
        List<String> failures = new ArrayList<>();
        int errors = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            int count = 0;
            for (int i = 0; i < 3000; i++) {
                String variant = mutate(VALID, random);
                ModelException e;
                try {
                    e = load(variant);
                } catch (RuntimeException | StackOverflowError other) {
                    failures.add(other + "\n--- variant ---\n" + variant);
                    continue;
                }
                if (e == null) continue;
                count++;
                if (e.position() == null || !e.position().file().endsWith("compose.yaml")) {
                    failures.add("no position: " + e.getMessage() + "\n--- variant ---\n" + variant);
                }
            }
            return count;
        });
        if (!failures.isEmpty()) fail(failures.size() + " bad outcomes; first:\n" + failures.getFirst());
        assertThat(errors).as("most mutations break the file").isGreaterThan(1000);
    }

    private ModelException load(String content) {
        try {
            Path dir = Files.createTempDirectory(tmp, "m");
            Files.writeString(dir.resolve("compose.yaml"), content);
            ProjectLoader.load(ProjectOptions.in(dir, Map.of("HOME", "/home/tester")).withProfiles(List.of("*")));
            return null;
        } catch (ModelException e) {
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(6)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> { // duplicate a line
                    int start = sb.lastIndexOf("\n", at) + 1;
                    int end = sb.indexOf("\n", at);
                    if (end > start) sb.insert(start, sb.substring(start, end + 1));
                }
                case 4 -> { // shift a line's indentation
                    int start = sb.lastIndexOf("\n", at) + 1;
                    sb.insert(start, random.nextBoolean() ? " " : "  ");
                }
                default -> { // delete a line
                    int start = sb.lastIndexOf("\n", at) + 1;
                    int end = sb.indexOf("\n", at);
                    if (end > start) sb.delete(start, end + 1);
                }
            }
        }
        return sb.toString();
    }
}
