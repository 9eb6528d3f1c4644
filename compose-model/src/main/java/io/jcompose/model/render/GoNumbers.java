package io.jcompose.model.render;

import java.math.BigDecimal;

/**
 * Floating-point text exactly as Go prints it, because docker compose output is produced by Go:
 * {@code encoding/json} ('f' notation unless the magnitude is below 1e-6 or from 1e21 up), and
 * {@code strconv.FormatFloat(f, 'g', -1, 64)} which is also what {@code fmt.Sprint} and go-yaml use
 * (exponent notation once the decimal exponent is below -4 or from 6 up).
 *
 * <p>Java's {@link Double#toString(double)} already yields the shortest digits that round-trip
 * (JDK 19+), the same digit string Go's shortest formatting picks; only the layout differs.
 */
public final class GoNumbers {
    private GoNumbers() {
    }

    /** The JSON text Go's encoder writes for {@code value}. */
    public static String json(double value) {
        if (value == 0) return "0";
        double abs = Math.abs(value);
        if (abs < 1e-6 || abs >= 1e21) {
            String e = exponent(value);
            // encoding/json trims a leading zero from a negative two-digit exponent: e-07 -> e-7
            int n = e.length();
            if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
                e = e.substring(0, n - 2) + e.charAt(n - 1);
            }
            return e;
        }
        return plain(value);
    }

    /** {@code strconv.FormatFloat(value, 'g', -1, 64)}, which is also {@code fmt.Sprint(value)}. */
    public static String g(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "+Inf" : "-Inf";
        if (value == 0) return (1 / value < 0) ? "-0" : "0";
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        if (exp < -4 || exp >= 6) return exponent(value);
        return d.toPlainString();
    }

    /** Go's shortest 'e' layout: {@code d[.ddd]e±dd}. */
    static String exponent(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = d.precision() - d.scale() - 1;
        StringBuilder sb = new StringBuilder();
        if (value < 0) sb.append('-');
        sb.append(digits.charAt(0));
        if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
        sb.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) sb.append('0');
        sb.append(a);
        return sb.toString();
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
