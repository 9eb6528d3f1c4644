package io.jcompose.model.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a JSON document into plain, unmodifiable Java values (ordered {@code Map}, {@code List},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}) with jackson-core's
 * streaming parser only, so the schema load does not pull in jackson-databind.
 *
 * <p>Members named in {@code dropped} whose value is a string are left out without ever being
 * decoded: the parser skips an unread string's bytes, and the schema's {@code description}s are
 * most of its 75 KB.
 */
final class JsonReader {
    private final JsonParser p;
    private final Set<String> dropped;

    private JsonReader(JsonParser p, Set<String> dropped) {
        this.p = p;
        this.dropped = dropped;
    }

    static Object read(InputStream in, String name, Set<String> dropped) {
        try (in; JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new IllegalStateException(name + " is empty");
            return new JsonReader(p, dropped).value(first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private Object value(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("unexpected JSON token " + token
                    + " at " + p.currentTokenLocation());
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken valueToken = p.nextToken();
            if (valueToken == JsonToken.VALUE_STRING && dropped.contains(name)) continue;
            out.put(name, value(valueToken));
        }
        return Collections.unmodifiableMap(out);
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            out.add(value(t));
        }
        return Collections.unmodifiableList(out);
    }
}
