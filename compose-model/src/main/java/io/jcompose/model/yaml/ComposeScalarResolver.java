package io.jcompose.model.yaml;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

/**
 * YAML 1.2 core schema, plus integers as Go's {@code strconv.ParseInt(s, 0, 64)} reads them (what
 * docker compose's YAML library does): {@code 0755} is octal, {@code 0x1F}, {@code 0b101}, {@code 0o17}
 * and {@code 1_000} are integers. {@code 22:22} (no base 60) and {@code yes}/{@code on} stay strings.
 */
final class ComposeScalarResolver extends CoreScalarResolver {
    static final Pattern GO_INT =
            Pattern.compile("^[-+]?(0[bB][01_]+|0[oO]?[0-7_]+|0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)$");

    ComposeScalarResolver() {
        super(true);
    }

    @Override
    protected void addImplicitResolvers() {
        // Registered first so it wins over the core schema's narrower integer pattern.
        addImplicitResolver(Tag.INT, GO_INT, "-+0123456789");
        super.addImplicitResolvers();
    }
}
