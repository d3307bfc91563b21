package io.sfinbound.sim.data;

/** Computes the generated value of one field of one record: a pure function of (seed, object, index, field). */
interface Generator {

    /**
     * The value, or null.
     *
     * @param r the record (its index, timestamps and other fields)
     * @param field the canonical field name; never Id, IsDeleted, CreatedDate, LastModifiedDate or SystemModstamp
     */
    Object value(SimRecord r, String field);
}
