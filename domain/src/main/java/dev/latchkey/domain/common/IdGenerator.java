package dev.latchkey.domain.common;

/** Mints identifiers for new records: a readable type prefix and enough randomness to be unguessable. */
@FunctionalInterface
public interface IdGenerator {

    /** A new id such as {@code key_3kZ…}; {@code prefix} names the record type. */
    String newId(String prefix);
}
