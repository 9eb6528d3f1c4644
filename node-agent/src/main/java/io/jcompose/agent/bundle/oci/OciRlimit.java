package io.jcompose.agent.bundle.oci;

import java.math.BigInteger;

/**
 * {@code process.rlimits[]}: values are unsigned 64-bit, RLIM_INFINITY is 2^64-1, which a Java long
 * cannot print; hence BigInteger.
 */
public record OciRlimit(String type, BigInteger hard, BigInteger soft) {
}
