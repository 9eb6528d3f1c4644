package io.jcompose.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Records read and written on jackson-core's streaming parser and generator alone, as a jackson-databind mapper
 * with nulls left out ({@code NON_NULL}) does, without loading databind (its mapper is ~600 classes, ~6.5 MB of
 * metaspace, and ~60 ms on a CLI command's first use). Components in declaration order, named by
 * {@link JsonProperty} where they carry one; null components left out when writing; missing ones null (0/false for
 * primitives) when reading; maps as {@link java.util.LinkedHashMap}, lists as {@link ArrayList}, and an
 * {@code Object} as databind's untyped value (map, list, string, Integer/Long/BigInteger, Double, Boolean).
 * {@link #STRICT} rejects unknown members and an explicit null for a primitive (the agent's API), {@link #LENIENT}
 * skips the one and reads the other as 0/false (registry and archive documents).
 *
 * <p>It knows records whose components are strings, numbers, booleans, lists, string-keyed maps, {@code Object}
 * and other such records, with no Jackson annotation but a plain {@code @JsonProperty("name")}; for any other type
 * (or a record with a getter Jackson would also see) {@link #handles} is false and the caller keeps its mapper.
 */
public final class RecordCodec {
    public static final RecordCodec STRICT = new RecordCodec(false);
    public static final RecordCodec LENIENT = new RecordCodec(true);

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Map<Class<?>, Boolean> HANDLED = new ConcurrentHashMap<>();
    private static final Set<Type> SCALARS = Set.of(String.class, int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, double.class, Double.class, BigInteger.class, Object.class);

    /**
     * What reading and writing a record needs, worked out once per class: {@code getRecordComponents()} builds new
     * reflective objects (and their annotations are parsed anew) on every call, ten times a mapper's cost per value.
     */
    private record Shape(String[] names, Method[] accessors, Type[] types, Map<String, Integer> index,
                         Constructor<?> canonical) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < components.length; i++) {
                names[i] = name(components[i]);
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
                index.put(names[i], i);
            }
            try {
                return new Shape(names, accessors, types, index, type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
            }
        }
    };

    private final boolean lenient;

    private RecordCodec(boolean lenient) {
        this.lenient = lenient;
    }

    /** Whether this codec reads and writes {@code type} (a record or an array of records) exactly as databind. */
    public static boolean handles(Class<?> type) {
        Class<?> top = type.isArray() ? type.getComponentType() : type;
        return HANDLED.computeIfAbsent(top, t -> handles(t, new HashSet<>()));
    }

    private static boolean handles(Type type, Set<Type> seen) {
        if (SCALARS.contains(type) || !seen.add(type)) return true;
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return handles(p.getActualTypeArguments()[0], seen);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return p.getActualTypeArguments()[0] == String.class && handles(p.getActualTypeArguments()[1], seen);
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || !Modifier.isPublic(c.getModifiers())) return false;
        if (jacksonAnnotated(c.getAnnotations())) return false;
        Set<String> components = new HashSet<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            components.add(rc.getName());
            if (!handles(rc.getGenericType(), seen) || jacksonAnnotated(rc.getAnnotations())
                    || jacksonAnnotated(rc.getAccessor().getAnnotations()) || jacksonAnnotated(field(c, rc))) {
                return false;
            }
        }
        // Jackson would also serialize a public getX()/isX() that is not a component: leave such a record to it.
        for (Method m : c.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c
                    && ((n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2))
                    && !components.contains(n)) {
                return false;
            }
        }
        return true;
    }

    private static Annotation[] field(Class<?> c, RecordComponent rc) {
        try {
            return c.getDeclaredField(rc.getName()).getAnnotations();
        } catch (NoSuchFieldException e) {
            return new Annotation[0];
        }
    }

    /** Any Jackson annotation but a bare {@code @JsonProperty("name")}. */
    private static boolean jacksonAnnotated(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof JsonProperty p) {
                if (p.access() != JsonProperty.Access.AUTO || p.required() || !p.defaultValue().isEmpty()) return true;
            } else if (a.annotationType().getPackageName().startsWith("com.fasterxml.jackson")) {
                return true;
            }
        }
        return false;
    }

    /** The member name of a component: its {@code @JsonProperty} value, or its own name. */
    private static String name(RecordComponent rc) {
        JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
        return p == null || p.value().isEmpty() ? rc.getName() : p.value();
    }

    /**
     * Whether {@link #write} writes {@code value} exactly as databind would: null, strings, numbers, booleans,
     * records {@link #handles} accepts, and lists, arrays and string-keyed maps of those.
     */
    public static boolean writes(Object value) {
        // instanceof rather than a type switch here and in write: every switch site spins a class at run time that
        // no startup cache holds, and every request a CLI command sends is written here
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof BigInteger || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Record r) return handles(r.getClass()) && componentsWritten(r);
        if (value instanceof Object[] array) {
            return handles(array.getClass()) && List.of(array).stream().allMatch(RecordCodec::writes);
        }
        if (value instanceof List<?> list) return list.stream().allMatch(RecordCodec::writes);
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && writes(e.getValue()));
        }
        return false;
    }

    private static boolean componentsWritten(Record r) {
        Shape shape = SHAPES.get(r.getClass());
        for (Method accessor : shape.accessors()) {
            if (!writes(component(r, accessor))) return false;
        }
        return true;
    }

    /**
     * Parses JSON of a type {@link #handles} accepts; malformed JSON, a type mismatch or (for {@link #STRICT}) an
     * unknown member is an {@link IllegalArgumentException} naming the problem.
     */
    public <T> T read(byte[] json, Class<T> type) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new IllegalArgumentException("no content");
            T value = type.cast(value(p, type));
            if (p.nextToken() != null) throw new IllegalArgumentException("trailing content after the value");
            return value;
        } catch (JacksonException | ClassCastException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The JSON of a value {@link #writes} accepts; {@code indent} as databind's {@code INDENT_OUTPUT}. */
    public static byte[] write(Object value, boolean indent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = TreeJson.generator(out, indent)) {
            write(g, value);
        }
        return out.toByteArray();
    }

    private Object value(JsonParser p, Type type) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            // as databind's FAIL_ON_NULL_FOR_PRIMITIVES: an explicit null never becomes 0 or false unless lenient
            if (type instanceof Class<?> c && c.isPrimitive()) {
                if (lenient) return primitiveDefault(c);
                throw new IllegalArgumentException("Cannot map `null` into type `" + c.getName() + "`");
            }
            return null;
        }
        if (type == Object.class) return untyped(p);
        if (type == String.class) {
            if (!t.isScalarValue()) throw mismatch(p, type);
            return p.getString();
        }
        if (type == int.class || type == Integer.class) return t.isNumeric() ? p.getIntValue() : Integer.parseInt(text(p, type));
        if (type == long.class || type == Long.class) return t.isNumeric() ? p.getLongValue() : Long.parseLong(text(p, type));
        if (type == BigInteger.class) return t.isNumeric() ? p.getBigIntegerValue() : new BigInteger(text(p, type));
        if (type == double.class || type == Double.class) return t.isNumeric() ? p.getDoubleValue() : Double.parseDouble(text(p, type));
        if (type == boolean.class || type == Boolean.class) {
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return t == JsonToken.VALUE_TRUE;
            throw mismatch(p, type);
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            if (t != JsonToken.START_ARRAY) throw mismatch(p, type);
            List<Object> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) out.add(value(p, pt.getActualTypeArguments()[0]));
            return out;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            if (t != JsonToken.START_OBJECT) throw mismatch(p, type);
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                p.nextToken();
                out.put(key, value(p, pt.getActualTypeArguments()[1]));
            }
            return out;
        }
        if (type instanceof Class<?> c && c.isArray()) {
            if (t != JsonToken.START_ARRAY) throw mismatch(p, type);
            List<Object> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(value(p, c.getComponentType()));
            return items.toArray((Object[]) java.lang.reflect.Array.newInstance(c.getComponentType(), items.size()));
        }
        if (type instanceof Class<?> c && c.isRecord()) return record(p, c);
        throw new IllegalArgumentException("cannot read a " + type.getTypeName());
    }

    /** As databind's untyped value: the smallest of Integer/Long/BigInteger, Double, LinkedHashMap, ArrayList. */
    private static Object untyped(JsonParser p) {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    out.put(key, untyped(p));
                }
                yield out;
            }
            case START_ARRAY -> {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) out.add(untyped(p));
                yield out;
            }
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw mismatch(p, Object.class);
        };
    }

    private Object record(JsonParser p, Class<?> type) {
        if (p.currentToken() != JsonToken.START_OBJECT) throw mismatch(p, type);
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.names().length];
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            Integer i = shape.index().get(name);
            p.nextToken();
            if (i == null) {
                if (!lenient) {
                    throw new IllegalArgumentException("Unrecognized property \"" + name + "\" (class "
                            + type.getName() + "), not marked as ignorable");
                }
                p.skipChildren();
                continue;
            }
            args[i] = value(p, shape.types()[i]);
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) args[i] = primitiveDefault(shape.types()[i]);
        }
        try {
            return shape.canonical().newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object primitiveDefault(Type type) {
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == boolean.class) return false;
        if (type == double.class) return 0.0;
        return null;
    }

    private static String text(JsonParser p, Type type) {
        if (p.currentToken() != JsonToken.VALUE_STRING) throw mismatch(p, type);
        return p.getString().trim();
    }

    private static IllegalArgumentException mismatch(JsonParser p, Type type) {
        return new IllegalArgumentException("cannot read " + type.getTypeName() + " from " + p.currentToken()
                + " at " + p.currentTokenLocation());
    }

    private static Object component(Record r, Method accessor) {
        try {
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static void write(JsonGenerator g, Object value) {
        // instanceof chain, as in writes
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof List<?> || value instanceof Object[]) {
            g.writeStartArray();
            for (Object item : value instanceof List<?> list ? list : Arrays.asList((Object[]) value)) write(g, item);
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Record r) {
            g.writeStartObject();
            Shape shape = SHAPES.get(r.getClass());
            for (int i = 0; i < shape.names().length; i++) {
                Object v = component(r, shape.accessors()[i]);
                if (v == null) continue;
                g.writeName(shape.names()[i]);
                write(g, v);
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName());
        }
    }
}
