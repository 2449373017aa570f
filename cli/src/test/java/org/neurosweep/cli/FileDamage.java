package org.neurosweep.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.neurosweep.cli.FileAnatomy.Part;
import org.neurosweep.cli.FileAnatomy.Region;

/**
 * One way of damaging a file: a byte flipped in a part, the file cut at an offset, or a block zeroed.
 *
 * @param category what the tally counts it as
 * @param where    the part hit, for the report
 * @param offset   the byte flipped, the new length, or the block's first byte
 * @param length   the block's length (zeroing), else 0
 * @param xor      the bits flipped (flipping), else 0
 */
record FileDamage(String category, String where, long offset, int length, int xor) {
    static final String TRUNCATION = "truncation";
    static final String ZEROED = "zeroed block";

    static String flipCategory(Part p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " flip";
    }

    byte[] applyTo(byte[] original) {
        if (category.equals(TRUNCATION)) {
            return Arrays.copyOf(original, (int) offset);
        }
        byte[] b = original.clone();
        if (category.equals(ZEROED)) {
            Arrays.fill(b, (int) offset, (int) Math.min(b.length, offset + length), (byte) 0);
        } else {
            b[(int) offset] ^= (byte) xor;
        }
        return b;
    }

    @Override
    public String toString() {
        if (category.equals(TRUNCATION)) {
            return "cut at " + offset;
        }
        if (category.equals(ZEROED)) {
            return String.format(Locale.ROOT, "zeroed %d bytes at %d (%s)", length, offset, where);
        }
        return String.format(Locale.ROOT, "flipped 0x%02x at %d (%s)", xor, offset, where);
    }

    /**
     * {@code perPart} flips aimed at each part (spread over its regions), {@code cuts} truncations at
     * random offsets and {@code blocks} zeroed blocks of 512-4096 bytes, half of them starting where a
     * structure starts, half anywhere.
     */
    static List<FileDamage> plan(byte[] file, FileAnatomy anatomy, Random random, int perPart, int cuts, int blocks) {
        List<FileDamage> out = new ArrayList<>();
        for (Part p : Part.values()) {
            List<Region> regions = anatomy.regions(p);
            if (regions.isEmpty()) {
                throw new IllegalStateException("the file has no " + p + " to damage");
            }
            for (int i = 0; i < perPart; i++) {
                Region r = regions.get(random.nextInt(regions.size()));
                long at = r.start() + random.nextInt(r.length());
                out.add(new FileDamage(flipCategory(p), r.what() + "@" + r.start(), at, 0, 1 + random.nextInt(255)));
            }
        }
        for (int i = 0; i < cuts; i++) {
            out.add(new FileDamage(TRUNCATION, "", random.nextInt(file.length), 0, 0));
        }
        List<Region> all = anatomy.all();
        for (int i = 0; i < blocks; i++) {
            int length = 512 + random.nextInt(4096 - 512 + 1);
            if (i % 2 == 0) {
                Region r = all.get(random.nextInt(all.size()));
                out.add(new FileDamage(ZEROED, r.what() + "@" + r.start(), r.start(), length, 0));
            } else {
                out.add(new FileDamage(ZEROED, "anywhere", random.nextInt(file.length), length, 0));
            }
        }
        return out;
    }
}
