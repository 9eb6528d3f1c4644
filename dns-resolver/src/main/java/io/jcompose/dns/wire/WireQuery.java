package io.jcompose.dns.wire;

import io.jcompose.dns.answer.Question;

/**
 * A query read off the wire. The question's bytes stay in the packet ({@code 12..questionEnd}) and
 * are echoed from there, byte for byte, in the response: a client that randomises the case of its
 * names (DNS 0x20) gets back exactly what it sent.
 *
 * @param id               the query ID
 * @param flags            the header's second 16 bits as sent (opcode, RD, CD...)
 * @param question         the decoded question
 * @param questionEnd      offset, from the start of the message, just past the question
 * @param edns             the OPT record, or null when the client sent none
 */
public record WireQuery(int id, int flags, Question question, int questionEnd, Edns edns) {
    public boolean recursionDesired() {
        return (flags & 0x0100) != 0;
    }

    public boolean checkingDisabled() {
        return (flags & 0x0010) != 0;
    }

    /** The largest UDP response this client takes: 512 without EDNS, its own size (up to our cap) with it. */
    public int udpLimit() {
        return edns == null ? 512 : Math.min(edns.payloadSize(), ResponseWriter.MAX_UDP_PAYLOAD);
    }
}
