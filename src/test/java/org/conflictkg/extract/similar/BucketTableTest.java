package org.conflictkg.extract.similar;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BucketTableTest {

    private static List<Integer> ids(BucketTable t, long key) {
        List<Integer> out = new ArrayList<>();
        t.forEach(key, out::add);
        out.sort(null);
        return out;
    }

    @Test
    void holdsManyKeysAndChainsThroughGrowth() {
        BucketTable t = new BucketTable();
        for (int i = 0; i < 10_000; i++) {
            t.add(Hashing.mix(i % 3000), i);
        }
        assertEquals(List.of(5, 3005, 6005, 9005), ids(t, Hashing.mix(5)));
        assertEquals(List.of(2999, 5999, 8999), ids(t, Hashing.mix(2999)));
        assertEquals(List.of(), ids(t, Hashing.mix(3000)));
        assertEquals(4, t.count(Hashing.mix(5), 100));
        assertEquals(2, t.count(Hashing.mix(5), 2));
        assertEquals(0, t.count(Hashing.mix(3000), 100));
    }

    @Test
    void theKeyZeroWorksLikeAnyOther() {
        BucketTable t = new BucketTable();
        t.add(0L, 7);
        assertEquals(List.of(7), ids(t, 0L));
    }

    @Test
    void reservingRoomKeepsWhatIsHeldAndTakesTheRestWithoutGrowing() {
        BucketTable t = new BucketTable();
        for (int i = 0; i < 100; i++) {
            t.add(Hashing.mix(i), i);
        }
        t.add(Hashing.mix(5), 500);
        t.reserve(50_000);
        for (int i = 100; i < 50_000; i++) {
            t.add(Hashing.mix(i), i);
        }
        assertEquals(List.of(5, 500), ids(t, Hashing.mix(5)));
        for (int i = 0; i < 50_000; i += 997) {
            assertEquals(i == 5 ? 2 : 1, t.count(Hashing.mix(i), 10), "key " + i);
        }
        assertEquals(0, t.count(Hashing.mix(50_001), 10));
        t.reserve(10); // less than held: nothing changes
        assertEquals(List.of(5, 500), ids(t, Hashing.mix(5)));
    }
}
