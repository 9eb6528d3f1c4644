package io.jcompose.model.render;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Writes a canonical tree byte-for-byte the way Go's {@code encoding/json} does: struct fields in
 * declaration order, map keys sorted, {@code <>&} and U+2028/U+2029 escaped with lowercase hex,
 * {@code json.MarshalIndent}'s two-space layout with {@code {}} and {@code []} for empty values.
 * The byte layout matters beyond looks: the config hash is a digest of the compact form.
 */
final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final GoEscapes ESCAPES = new GoEscapes();

    /** Go sorts map keys by their UTF-8 bytes, which is code point order. */
    static final Comparator<String> GO_KEY_ORDER = io.jcompose.model.tree.KeyOrder.GO;

    private JsonWriter() {
    }

    static String write(Node node, Shape shape, boolean indent, boolean projectRoot) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator gen = FACTORY.createGenerator(new Context(indent), out)) {
            value(gen, node, shape, projectRoot);
        }
        return out.toString();
    }

    private static void value(JsonGenerator gen, Node node, Shape shape, boolean projectRoot) {
        switch (node) {
            case ScalarNode s -> scalar(gen, s);
            case SeqNode seq -> {
                Shape item = shape instanceof Shape.ListOf l ? l.items() : Shape.FREE;
                gen.writeStartArray();
                for (Node n : seq.items()) value(gen, n, item, false);
                gen.writeEndArray();
            }
            case MapNode map -> {
                gen.writeStartObject();
                if (shape instanceof Shape.Struct struct && !projectRoot) {
                    structEntries(gen, map, struct);
                } else {
                    Shape values = shape instanceof Shape.MapOf m ? m.values() : Shape.FREE;
                    for (String key : sortedKeys(map)) {
                        Shape child = shape instanceof Shape.Struct struct ? struct.childShape(key) : values;
                        gen.writeName(key);
                        value(gen, map.get(key), child, false);
                    }
                }
                gen.writeEndObject();
            }
        }
    }

    private static void structEntries(JsonGenerator gen, MapNode map, Shape.Struct struct) {
        int known = 0;
        for (String field : struct.fields()) {
            Node v = map.get(field);
            if (v == null) continue;
            known++;
            gen.writeName(field);
            value(gen, v, struct.childShape(field), false);
        }
        if (known == map.size()) return;
        // Keys the struct table does not know (newer compose attributes) follow, sorted; x-* keys
        // are inline extensions, which Go's JSON form of every struct but the project omits.
        for (String key : sortedKeys(map)) {
            if (key.startsWith("x-") || struct.declares(key)) continue;
            gen.writeName(key);
            value(gen, map.get(key), Shape.FREE, false);
        }
    }

    static List<String> sortedKeys(MapNode map) {
        List<String> keys = new ArrayList<>(map.keys());
        keys.sort(GO_KEY_ORDER);
        return keys;
    }

    private static void scalar(JsonGenerator gen, ScalarNode s) {
        switch (s.value()) {
            case null -> gen.writeNull();
            case String str -> gen.writeString(str);
            case Long l -> gen.writeNumber(l);
            case Double d -> gen.writeNumber(GoNumbers.json(d));
            case Boolean b -> gen.writeBoolean(b);
            default -> throw new IllegalStateException("unexpected scalar " + s.value().getClass());
        }
    }

    /** Supplies the pretty printer and Go's escape set to every generator. */
    private static final class Context extends ObjectWriteContext.Base {
        private final boolean indent;

        Context(boolean indent) {
            this.indent = indent;
        }

        @Override
        public CharacterEscapes getCharacterEscapes() {
            return ESCAPES;
        }

        @Override
        public PrettyPrinter getPrettyPrinter() {
            if (!indent) return null;
            Separators separators = Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.NONE)
                    .withArrayElementSpacing(Separators.Spacing.NONE)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            return new DefaultPrettyPrinter(separators)
                    .withObjectIndenter(indenter)
                    .withArrayIndenter(indenter);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return indent;
        }
    }

    /** {@code encoding/json}'s string escapes: HTML-safe, lowercase hex, short forms for \b\f\n\r\t. */
    private static final class GoEscapes extends CharacterEscapes {
        private final int[] ascii;
        private final SerializableString[] sequences = new SerializableString[128];

        GoEscapes() {
            ascii = standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) custom(c, switch (c) {
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format("\\u%04x", c);
            });
            custom('<', "\\u003c");
            custom('>', "\\u003e");
            custom('&', "\\u0026");
        }

        private void custom(int c, String escape) {
            ascii[c] = ESCAPE_CUSTOM;
            sequences[c] = new SerializedString(escape);
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 128) return sequences[ch];
            if (ch == 0x2028) return new SerializedString("\\u2028");
            if (ch == 0x2029) return new SerializedString("\\u2029");
            return null;
        }
    }
}
