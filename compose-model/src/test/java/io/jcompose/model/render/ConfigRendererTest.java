package io.jcompose.model.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.canonical.CanonicalContext;
import io.jcompose.model.canonical.Canonicalizer;
import io.jcompose.model.canonical.TestYaml;
import io.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Byte layout of {@code config --format json} and {@code config} (YAML). */
class ConfigRendererTest {

    private static MapNode canonical(String yaml) {
        return Canonicalizer.canonicalize(TestYaml.parse(yaml),
                new CanonicalContext("demo", Path.of("/work/dir"), Path.of("/home/me"), k -> null, true, null));
    }

    @Test
    void jsonIsGoMarshalIndentWithoutTrailingNewline() {
        String json = ConfigRenderer.json(canonical("""
                services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                    x-note: not printed
                    command: []
                x-top: {b: 1, a: [true, null, 1.5]}
                """));
        assertThat(json).isEqualTo("""
                {
                  "name": "demo",
                  "networks": {
                    "default": {
                      "name": "demo_default",
                      "ipam": {}
                    }
                  },
                  "services": {
                    "web": {
                      "command": [],
                      "entrypoint": null,
                      "image": "nginx",
                      "networks": {
                        "default": null
                      },
                      "ports": [
                        {
                          "mode": "ingress",
                          "target": 80,
                          "published": "8080",
                          "protocol": "tcp"
                        }
                      ]
                    }
                  },
                  "x-top": {
                    "a": [
                      true,
                      null,
                      1.5
                    ],
                    "b": 1
                  }
                }""");
    }

    @Test
    void jsonEscapesLikeGoAndDollarsAreDoubled() {
        String json = ConfigRenderer.json(canonical("""
                services:
                  s:
                    image: x
                    environment:
                      HTML: "<a href='x'>&</a>"
                      CTRL: "tab\\there\\u0001\\u2028"
                      PRICE: "$$5"
                """));
        assertThat(json)
                .contains("\"HTML\": \"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\"")
                .contains("\"CTRL\": \"tab\\there\\u0001\\u2028\"")
                .contains("\"PRICE\": \"$$$$5\"");
    }

    @Test
    void yamlFollowsGoYamlLayoutAndQuoting() {
        String yaml = ConfigRenderer.yaml(canonical("""
                services:
                  web:
                    image: nginx
                    restart: "no"
                    ports: ["8080:80"]
                    labels: {b10: x, b9: "*.local", a: ""}
                    build:
                      dockerfile_inline: |
                        FROM alpine
                        RUN true
                    x-note: shown in yaml
                """));
        assertThat(yaml).isEqualTo("""
                name: demo
                services:
                  web:
                    build:
                      context: /work/dir
                      dockerfile_inline: |
                        FROM alpine
                        RUN true
                    image: nginx
                    labels:
                      a: ""
                      b9: '*.local'
                      b10: x
                    networks:
                      default: null
                    ports:
                      - mode: ingress
                        target: 80
                        published: "8080"
                        protocol: tcp
                    restart: "no"
                    x-note: shown in yaml
                networks:
                  default:
                    name: demo_default
                """);
    }

    @Test
    void yamlKeepsEmptyCommandsAndDropsEmptyStructValues() {
        String yaml = ConfigRenderer.yaml(canonical("""
                services:
                  w:
                    image: x
                    entrypoint: []
                    deploy: {replicas: 2}
                    develop: {watch: [{path: ./src, action: rebuild}]}
                """));
        assertThat(yaml).contains("""
                    develop:
                      watch:
                        - path: /work/dir/src
                          action: rebuild
                    deploy:
                      replicas: 2
                    entrypoint: []
                    image: x
                """);
    }
}
