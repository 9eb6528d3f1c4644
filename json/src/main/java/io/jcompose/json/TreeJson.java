package io.jcompose.json;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson trees ({@link JsonNode}) read and written on jackson-core alone, as an {@code ObjectMapper}'s
 * {@code readTree} and {@code writeValueAs*} do with default settings. The agent runs for hours: a mapper's first
 * use would keep ~600 databind classes (~6.5 MB of metaspace) loaded for its whole life, where the node classes
 * are ~30. Integral numbers become int, long or BigInteger nodes by size and other numbers doubles, a repeated
 * member keeps its last value, content after the value is an error, and no content at all reads as a missing node.
 */
public final class TreeJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** As a mapper with {@code SerializationFeature.INDENT_OUTPUT}: its default pretty printer. */
    private static final ObjectWriteContext INDENTED = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private TreeJson() {
    }

    /** The tree of {@code json}; malformed JSON throws {@link JacksonException}, as {@code readTree} does. */
    public static JsonNode read(String json) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            return root(p);
        }
    }

    public static JsonNode read(byte[] json) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            return root(p);
        }
    }

    /** Compact JSON, as {@code writeValueAsString}. */
    public static String text(JsonNode node) {
        return new String(write(node, false), StandardCharsets.UTF_8);
    }

    /** UTF-8 JSON; {@code indent} as {@code SerializationFeature.INDENT_OUTPUT}. */
    public static byte[] write(JsonNode node, boolean indent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = generator(out, indent)) {
            write(g, node);
        }
        return out.toByteArray();
    }

    /** A UTF-8 generator on {@code out}; {@code indent} as {@code SerializationFeature.INDENT_OUTPUT}. */
    public static JsonGenerator generator(OutputStream out, boolean indent) {
        return FACTORY.createGenerator(indent ? INDENTED : ObjectWriteContext.empty(), out);
    }

    private static JsonNode root(JsonParser p) {
        if (p.nextToken() == null) return MissingNode.getInstance();
        JsonNode node = value(p);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new StreamReadException(p, "Trailing token (of type " + trailing + ") found after value");
        }
        return node;
    }

    private static JsonNode value(JsonParser p) {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(value(p));
                yield a;
            }
            case VALUE_STRING -> NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new StreamReadException(p, "Unexpected token " + t);
        };
    }

    private static void write(JsonGenerator g, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node.values()) write(g, item);
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.stringValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    default -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
        }
    }
}
