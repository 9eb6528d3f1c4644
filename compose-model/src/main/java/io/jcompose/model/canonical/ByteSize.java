package io.jcompose.model.canonical;

/**
 * Byte sizes as docker/go-units {@code RAMInBytes} reads them: a decimal number, an optional space,
 * then {@code k m g t p} (binary multiples, 1k = 1024) optionally followed by {@code b} or {@code ib},
 * any case. {@code 50M} is 52428800; a bare number or {@code b} suffix is bytes. Fractions truncate.
 */
final class ByteSize {
    private ByteSize() {
    }

    static long parse(String text) {
        int sep = -1;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == ' ') {
                sep = i;
                break;
            }
        }
        if (sep < 0) throw invalid(text);
        String number = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
        String suffix = text.substring(sep + 1);
        double size;
        try {
            size = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        if (number.isEmpty() || !Character.isDigit(number.charAt(0)) && number.charAt(0) != '.' || size < 0) {
            throw invalid(text);
        }
        if (suffix.isEmpty()) return (long) size;
        String sfx = suffix.toLowerCase(java.util.Locale.ROOT);
        if (sfx.length() > 3) throw badSuffix(sfx);
        if (sfx.charAt(0) == 'b') {
            if (sfx.length() > 1) throw badSuffix(sfx);
            return (long) size;
        }
        long multiplier = switch (sfx.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            case 'p' -> 1L << 50;
            default -> throw badSuffix(sfx);
        };
        if (sfx.length() == 2 && sfx.charAt(1) != 'b' || sfx.length() == 3 && !sfx.endsWith("ib")) {
            throw badSuffix(sfx);
        }
        return (long) (size * multiplier);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid size: '" + text + "'");
    }

    private static IllegalArgumentException badSuffix(String sfx) {
        return new IllegalArgumentException("invalid suffix: '" + sfx + "'");
    }
}
