package io.jcompose.dns.wire;

import io.netty.handler.codec.dns.DnsResponseCode;

/** What {@link QueryParser} made of a packet. */
public sealed interface ParsedQuery {
    /** A well-formed query. */
    record Valid(WireQuery query) implements ParsedQuery {
    }

    /**
     * A message with a readable header that we cannot serve: FORMERR (bad question section, QDCOUNT
     * other than 1) or NOTIMP (an opcode other than QUERY). Answered with the header alone.
     */
    record Rejected(int id, int flags, DnsResponseCode code, String reason) implements ParsedQuery {
    }

    /** Not answered at all: shorter than a header, or a response (answering those would make loops). */
    record Dropped(String reason) implements ParsedQuery {
    }
}
