package io.jcompose.model.merge;

import java.math.BigDecimal;

/**
 * A scalar value as Go's {@code fmt} prints it with {@code %v}. compose-go builds {@code KEY=VALUE}
 * entries that way when it turns a mapping into a list during a merge, so {@code FOO: 1.0} becomes
 * {@code FOO=1} and {@code FOO: 1e6} becomes {@code FOO=1e+06}; matching it keeps merged
 * environments identical to docker compose's.
 */
final class GoText {
    private GoText() {}

    static String of(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case Double d -> ofDouble(d);
            default -> value.toString();
        };
    }

    /** Go's shortest {@code %g}: exponent form when the exponent is below -4 or at least 6. */
    static String ofDouble(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "+Inf" : "-Inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        String sign = d < 0 ? "-" : "";
        // Double.toString yields the shortest decimal that reads back as the same double, as Go does.
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - decimal.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = Integer.toString(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
        }
        return sign + decimal.toPlainString();
    }
}
