package io.sfinbound.sim.data;

import java.util.Optional;

/**
 * Salesforce-style 18-character ids that encode a record's index: key prefix (3) + {@code 5g} + the index in 10
 * base-36 digits (upper case, so ids sort the same case-sensitively and case-insensitively, in index order) + the
 * 3-character case-safe checksum Salesforce appends to 15-character ids.
 */
public final class Ids {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final int INDEX_DIGITS = 10;

    private Ids() {
    }

    /** The id of the record at this index of the object with this key prefix. */
    public static String of(String keyPrefix, long index) {
        char[] c = new char[15];
        keyPrefix.getChars(0, 3, c, 0);
        c[3] = '5';
        c[4] = 'g';
        long v = index;
        for (int i = 14; i >= 5; i--) {
            c[i] = DIGITS.charAt((int) (v % 36));
            v /= 36;
        }
        return new String(c) + checksum(c);
    }

    /** The 18-character form of a 15-character id. */
    public static String checksum(char[] id15) {
        StringBuilder s = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char ch = id15[block * 5 + i];
                if (ch >= 'A' && ch <= 'Z') {
                    bits |= 1 << i;
                }
            }
            s.append(CHECKSUM.charAt(bits));
        }
        return s.toString();
    }

    /** The key prefix of an id (its first 3 characters). */
    public static String prefix(String id) {
        return id.substring(0, 3);
    }

    /** The index an id of this simulator encodes, if it is one (15 or 18 characters, checksum right). */
    public static Optional<Long> index(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18) || id.charAt(3) != '5' || id.charAt(4) != 'g') {
            return Optional.empty();
        }
        long v = 0;
        for (int i = 5; i < 15; i++) {
            int d = DIGITS.indexOf(Character.toUpperCase(id.charAt(i)));
            if (d < 0) {
                return Optional.empty();
            }
            v = v * 36 + d;
        }
        if (id.length() == 18 && !id.substring(15).equals(checksum(id.substring(0, 15).toCharArray()))) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The 18-character form of an id given in 15 or 18 characters. */
    public static String to18(String id) {
        return id.length() == 15 ? id + checksum(id.toCharArray()) : id;
    }
}
