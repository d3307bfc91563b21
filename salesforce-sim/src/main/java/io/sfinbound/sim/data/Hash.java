package io.sfinbound.sim.data;

import java.util.SplittableRandom;

/** Stateless 64-bit mixing (SplitMix64's finalizer): the source of every generated value. */
public final class Hash {

    private Hash() {
    }

    /** Mixes one value. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Mixes several values in order. */
    public static long of(long a, long b, long c, long d) {
        return mix(a ^ mix(b ^ mix(c ^ mix(d + 0x9e3779b97f4a7c15L))));
    }

    /** A string's stable 64-bit salt. */
    public static long salt(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    /** A value in [0, bound). */
    public static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }

    /** A fraction in [0, 1). */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A random generator for values that need many draws (a chat body). */
    public static SplittableRandom random(long hash) {
        return new SplittableRandom(hash);
    }
}
