package io.jcompose.dns.answer;

import io.jcompose.dns.view.DnsNames;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;

/**
 * What a client asked, as the answer logic needs it.
 *
 * @param key              the name as a lookup key (lower case, no trailing dot), or null when the
 *                         name holds bytes no name of ours can have; such a question is never ours
 * @param type             the asked type
 * @param dnsClass         the asked class; only IN (and ANY) is served
 * @param id               the query ID; it also picks the rotation of multi-address answers
 * @param recursionDesired the RD bit: without it, names that are not ours are refused, not forwarded
 */
public record Question(String key, DnsRecordType type, int dnsClass, int id, boolean recursionDesired) {
    public static Question of(String name, DnsRecordType type) {
        return new Question(DnsNames.key(name), type, DnsRecord.CLASS_IN, 0, true);
    }

    public Question withId(int value) {
        return new Question(key, type, dnsClass, value, recursionDesired);
    }

    public Question withRecursionDesired(boolean value) {
        return new Question(key, type, dnsClass, id, value);
    }

    public Question withClass(int value) {
        return new Question(key, type, value, id, recursionDesired);
    }
}
