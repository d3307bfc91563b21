package io.sfinbound.sim.data;

import java.time.Instant;

/**
 * A record's place in the natural order {@code (SystemModstamp, Id)}: ids encode the index, so ordering by index
 * within one timestamp is ordering by id.
 *
 * @param stamp the SystemModstamp
 * @param index the record index
 */
public record Pos(Instant stamp, long index) implements Comparable<Pos> {

    @Override
    public int compareTo(Pos o) {
        int c = stamp.compareTo(o.stamp);
        return c != 0 ? c : Long.compare(index, o.index);
    }
}
