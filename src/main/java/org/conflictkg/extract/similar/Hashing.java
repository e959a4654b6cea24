package org.conflictkg.extract.similar;

/**
 * The 64-bit hashing the package is built on: FNV-1a over UTF-16 units for strings, then the
 * MurmurHash3 finaliser to spread the bits, and SplitMix64 to derive seeds. Fixed constants, so the
 * same input hashes the same in every run and on every machine.
 */
final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {}

    /** Hash of {@code s[from, to)}. */
    static long chars(CharSequence s, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** An order-sensitive combination of hashes {@code parts[from, to)}: "a b" and "b a" differ. */
    static long sequence(long[] parts, int from, int to) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = from; i < to; i++) {
            h = Long.rotateLeft(h, 23) ^ parts[i];
            h *= 0xBF58476D1CE4E5B9L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The {@code count} seeds SplitMix64 gives from {@code seed}: a fixed family for a fixed seed. */
    static long[] seeds(long seed, int count) {
        long[] out = new long[count];
        long state = seed;
        for (int i = 0; i < count; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            out[i] = z ^ (z >>> 31);
        }
        return out;
    }
}
