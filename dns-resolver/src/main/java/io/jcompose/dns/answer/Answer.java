package io.jcompose.dns.answer;

import io.jcompose.dns.view.ResourceRecord;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.InetSocketAddress;
import java.util.List;

/** The decision for one question: answer it here, or send it upstream. */
public sealed interface Answer {
    /**
     * A response made here.
     *
     * @param code                the response code
     * @param authoritative       the AA bit: set for names we own
     * @param recursionAvailable  the RA bit: whether this client's questions can be forwarded
     * @param ttlSeconds          TTL of every answer record
     * @param records             answer records, owner = the question's name, in the order to send
     * @param withSoa             whether a SOA goes into the authority section (NODATA, NXDOMAIN of our names)
     */
    record Local(DnsResponseCode code, boolean authoritative, boolean recursionAvailable, int ttlSeconds,
                 List<ResourceRecord> records, boolean withSoa) implements Answer {
        public Local {
            records = List.copyOf(records);
        }

        /** A bare response with this code: no records, not authoritative. */
        public static Local error(DnsResponseCode code) {
            return new Local(code, false, false, 0, List.of(), false);
        }
    }

    /** Send the query, unchanged apart from its ID, to these upstreams in order. */
    record Forward(List<InetSocketAddress> upstreams) implements Answer {
        public Forward {
            upstreams = List.copyOf(upstreams);
        }
    }
}
