package io.jcompose.model.validation;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.YamlPath;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks one compose file, after interpolation and before merging, against the Compose
 * Specification JSON schema (compose-go's copy, bundled as {@code compose-spec.json}, plus
 * {@code compose-spec-additions.json} for {@code pre_start}, which that copy predates).
 *
 * <p>Lifecycle: {@link #load()} parses and compiles the schema the first time it is called and
 * returns the same immutable validator afterwards; {@link #validate} may then be called from any
 * thread, once per file. For example:
 *
 * <pre>{@code
 * SchemaValidator.load().validate(fileRoot, warnings::add);
 * // services:
 * //   web:
 * //     imgae: nginx
 * // -> ModelException "compose.yaml:3:5 services.web.imgae: additional property 'imgae' is not
 * //    allowed — did you mean 'image'?"
 * }</pre>
 *
 * <p>Errors stop the load: the first problem in document order is thrown as a {@link ModelException}
 * carrying the offending node's position (the key's own position for an unknown key), its YAML path
 * and a fix. Warnings do not stop it; each is one line {@code file:line:col path: message}:
 * the obsolete {@code version} attribute, and keys jcompose accepts but does not act on.
 */
public final class SchemaValidator {
    private static final String SPEC = "compose-spec.json";
    private static final String ADDITIONS = "compose-spec-additions.json";
    private static final String VERSION_OBSOLETE =
            "the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion";

    /** Schema members that are prose for humans; they are not even decoded. */
    private static final Set<String> PROSE = Set.of("description", "title", "$comment");

    private final SchemaNode root;

    private SchemaValidator(SchemaNode root) {
        this.root = root;
    }

    /** The validator for the bundled schema, compiled once per JVM on first use. */
    public static SchemaValidator load() {
        return Bundled.INSTANCE;
    }

    /** Lazy holder: the schema is read when the first file is validated, not when the class loads. */
    private static final class Bundled {
        static final SchemaValidator INSTANCE = compile(open(SPEC), open(ADDITIONS));

        private static InputStream open(String name) {
            return Objects.requireNonNull(SchemaValidator.class.getResourceAsStream(name), name + " is missing");
        }
    }

    @SuppressWarnings("unchecked")
    static SchemaValidator compile(InputStream schema, InputStream additions) {
        Map<String, Object> document = (Map<String, Object>) JsonReader.read(schema, SPEC, PROSE);
        if (additions != null) {
            document = SchemaCompiler.withAdditions(document,
                    (Map<String, Object>) JsonReader.read(additions, ADDITIONS, PROSE));
        }
        return new SchemaValidator(SchemaCompiler.compile(document));
    }

    /**
     * Validates one file's root node.
     *
     * @param fileRoot the file as parsed and interpolated; nodes tagged {@code !reset} are skipped
     * @param warnings receives one line per warning
     * @throws ModelException at the first schema violation
     */
    public void validate(Node fileRoot, Consumer<String> warnings) {
        if (!(fileRoot instanceof MapNode map)) {
            throw new ModelException(fileRoot.position(), YamlPath.ROOT,
                    "a compose file must be a mapping, got " + Messages.describe(fileRoot),
                    "start the file with a top-level key such as 'services:'");
        }
        MapNode doc = map;
        if (map.has("version")) {
            // accepted whatever its type: it is dropped unread, and an obsolete key must not fail a load
            warnings.accept(IgnoredKeys.where(map.keyPosition("version"), Trail.ROOT.key("version"))
                    + VERSION_OBSOLETE);
            doc = map.without("version");
        }
        Violation v = Durations.check(doc);
        if (v == null) v = SchemaChecker.check(root, doc, Trail.ROOT);
        if (v != null) throw v.toException();
        IgnoredKeys.report(doc, warnings);
    }

    /** The attributes a service may have, sorted. */
    public List<String> serviceAttributes() {
        SchemaNode service = root.properties.get("services").patternProperties.getFirst().schema();
        return (service.ref != null ? service.ref.target() : service).propertyNames;
    }

    /** The compiled schema, for checks in this package. */
    SchemaNode schema() {
        return root;
    }

    /** The top-level keys a compose file may have besides {@code x-} extensions, sorted. */
    public List<String> topLevelKeys() {
        return root.propertyNames;
    }
}
