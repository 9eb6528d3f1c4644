package io.jcompose.dns.answer;

import io.jcompose.dns.view.ClientScope;
import io.jcompose.dns.view.DnsNames;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.NameEntry;
import io.jcompose.dns.view.ResourceRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the answer to one question from a view and the client's address. Pure: the same view,
 * question and client always give the same answer, so every rule is tested as a table without a
 * socket. The rules, in the order they apply:
 * <ol>
 * <li>a client on none of our networks is refused: we are never an open resolver;</li>
 * <li>a class other than IN (e.g. CH {@code version.bind}) is refused;</li>
 * <li>PTR of an address on the client's networks gives the container's name; of any other address
 *     in our subnets, NXDOMAIN, so nothing of another network leaks;</li>
 * <li>a name the client can see gives its A/AAAA records (ANY gives both); any other type, or a
 *     family the name lacks, gives NODATA with a SOA — never NXDOMAIN, never forwarded;</li>
 * <li>a name that is ours but not visible to this client, or under one of our network names, or
 *     a single label nobody registered, gives NXDOMAIN with a SOA;</li>
 * <li>anything else is forwarded — unless the client's networks are all internal or RD is clear
 *     (REFUSED), or no upstream is configured (SERVFAIL).</li>
 * </ol>
 * Several addresses come in an order rotated by the query ID, so successive queries spread over
 * the replicas of a service while the function stays deterministic.
 */
public final class Responder {
    private Responder() {
    }

    public static Answer answer(DnsView view, Question question, InetAddress client) {
        ClientScope scope = view.scopeOf(client);
        if (!scope.isMember()) {
            return Answer.Local.error(DnsResponseCode.REFUSED);
        }
        if (question.dnsClass() != DnsRecord.CLASS_IN && question.dnsClass() != DnsRecord.CLASS_ANY) {
            return Answer.Local.error(DnsResponseCode.REFUSED);
        }
        String key = question.key();
        if (key == null) {
            return elsewhere(scope, question);
        }
        if (question.type().intValue() == DnsRecordType.PTR.intValue()) {
            InetAddress address = ReverseName.address(key);
            if (address != null) {
                ResourceRecord pointer = scope.pointer(address);
                if (pointer != null) {
                    return found(view, scope, List.of(pointer));
                }
                if (view.inOwnSubnet(address)) {
                    return notFound(view, scope, DnsResponseCode.NXDOMAIN);
                }
                return elsewhere(scope, question);
            }
        }
        NameEntry entry = scope.lookup(key);
        if (entry != null) {
            return addresses(view, scope, entry, question);
        }
        if (view.owns(key) || DnsNames.isSingleLabel(key) && !view.forwardsSingleLabelNames()) {
            return notFound(view, scope, DnsResponseCode.NXDOMAIN);
        }
        return elsewhere(scope, question);
    }

    private static Answer addresses(DnsView view, ClientScope scope, NameEntry entry, Question question) {
        int type = question.type().intValue();
        List<ResourceRecord> records;
        if (type == DnsRecordType.A.intValue()) {
            records = rotated(entry.v4(), question.id());
        } else if (type == DnsRecordType.AAAA.intValue()) {
            records = rotated(entry.v6(), question.id());
        } else if (type == DnsRecordType.ANY.intValue()) {
            records = new ArrayList<>(rotated(entry.v4(), question.id()));
            records.addAll(rotated(entry.v6(), question.id()));
        } else {
            records = List.of();
        }
        return records.isEmpty() ? notFound(view, scope, DnsResponseCode.NOERROR) : found(view, scope, records);
    }

    private static Answer found(DnsView view, ClientScope scope, List<ResourceRecord> records) {
        return new Answer.Local(DnsResponseCode.NOERROR, true, canForward(scope), view.ttlSeconds(), records, false);
    }

    /** NXDOMAIN, or NOERROR without records (NODATA): authoritative, with a SOA so caches know what it means. */
    private static Answer notFound(DnsView view, ClientScope scope, DnsResponseCode code) {
        return new Answer.Local(code, true, canForward(scope), view.ttlSeconds(), List.of(), true);
    }

    private static Answer elsewhere(ClientScope scope, Question question) {
        if (scope.isInternal() || !question.recursionDesired()) {
            return Answer.Local.error(DnsResponseCode.REFUSED);
        }
        if (scope.upstreams().isEmpty()) {
            return Answer.Local.error(DnsResponseCode.SERVFAIL);
        }
        return new Answer.Forward(scope.upstreams());
    }

    private static boolean canForward(ClientScope scope) {
        return !scope.isInternal() && !scope.upstreams().isEmpty();
    }

    static List<ResourceRecord> rotated(List<ResourceRecord> records, int id) {
        int size = records.size();
        if (size < 2) {
            return records;
        }
        int shift = Math.floorMod(id, size);
        if (shift == 0) {
            return records;
        }
        List<ResourceRecord> out = new ArrayList<>(size);
        out.addAll(records.subList(shift, size));
        out.addAll(records.subList(0, shift));
        return out;
    }
}
