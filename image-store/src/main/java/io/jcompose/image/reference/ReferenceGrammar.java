package io.jcompose.image.reference;

import java.util.regex.Pattern;

/**
 * The grammar of image references used by Docker (distribution/reference), as compiled patterns:
 * <pre>
 * reference  := name [ ":" tag ] [ "@" digest ]
 * name       := [domain "/"] path
 * domain     := host [":" port]        host := domain-name | IPv4 | "[" IPv6 "]"
 * path       := component ("/" component)*   component := [a-z0-9]+ (separator [a-z0-9]+)*
 * separator  := [._] | "__" | "-"+
 * tag        := [\w][\w.-]{0,127}
 * digest     := algorithm ":" hex{32,}
 * </pre>
 * Patterns are compiled once, when the class loads.
 */
final class ReferenceGrammar {
    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
    private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final String HOST = "(?:" + DOMAIN_NAME + "|" + IPV6 + ")";
    private static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String NAME = "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME;

    /** Groups: 1 name, 2 tag, 3 digest. */
    static final Pattern REFERENCE = Pattern.compile(
            "^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    /** Groups: 1 domain, 2 path. */
    static final Pattern ANCHORED_NAME = Pattern.compile("^(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE_NAME + ")$");
    static final Pattern ANCHORED_TAG = Pattern.compile("^" + TAG + "$");
    static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");

    private ReferenceGrammar() {
    }
}
