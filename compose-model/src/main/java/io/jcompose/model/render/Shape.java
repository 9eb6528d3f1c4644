package io.jcompose.model.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a node of the canonical tree is, as far as printing goes: a Go struct (fixed field order,
 * {@code x-*} keys are its inline extensions), a Go map (keys sorted), a slice, or anything else
 * (printed generically with sorted keys). The renderers walk the tree and its shape side by side,
 * so no path matching happens per node.
 */
sealed interface Shape permits Shape.Struct, Shape.MapOf, Shape.ListOf, Shape.Free {

    /** Arbitrary values: scalars, extension payloads, free-form maps. */
    Free FREE = new Free();

    static MapOf mapOf(Shape values) {
        return new MapOf(values);
    }

    static ListOf listOf(Shape items) {
        return new ListOf(items);
    }

    record Free() implements Shape {
    }

    record MapOf(Shape values) implements Shape {
    }

    record ListOf(Shape items) implements Shape {
    }

    /**
     * A Go struct. {@code yamlNames} covers fields whose YAML key differs from the JSON one (Go
     * fields without tags); {@code yamlOmitZero} lists non-pointer struct fields that encoding/json
     * always prints but go-yaml's {@code omitempty} drops when they hold nothing.
     */
    record Struct(List<String> fields, Set<String> fieldSet, Map<String, Shape> children,
                  Map<String, String> yamlNames, Set<String> yamlOmitZero) implements Shape {
        static Struct of(String... fields) {
            return new Struct(List.of(fields), Set.of(fields), Map.of(), Map.of(), Set.of());
        }

        Struct child(String field, Shape shape) {
            if (!fieldSet.contains(field)) throw new IllegalArgumentException("unknown field " + field);
            Map<String, Shape> next = new HashMap<>(children);
            next.put(field, shape);
            return new Struct(fields, fieldSet, Collections.unmodifiableMap(next), yamlNames, yamlOmitZero);
        }

        Struct yamlName(String field, String yamlName) {
            Map<String, String> next = new HashMap<>(yamlNames);
            next.put(field, yamlName);
            return new Struct(fields, fieldSet, children, Collections.unmodifiableMap(next), yamlOmitZero);
        }

        Struct yamlOmitZero(String... names) {
            Set<String> next = new HashSet<>(yamlOmitZero);
            next.addAll(List.of(names));
            return new Struct(fields, fieldSet, children, yamlNames, Collections.unmodifiableSet(next));
        }

        Struct plus(String... more) {
            List<String> next = new ArrayList<>(fields);
            next.addAll(List.of(more));
            return new Struct(List.copyOf(next), Set.copyOf(next), children, yamlNames, yamlOmitZero);
        }

        Shape childShape(String field) {
            return children.getOrDefault(field, FREE);
        }

        boolean declares(String field) {
            return fieldSet.contains(field);
        }
    }
}
