package org.neurosweep.explore;

import java.util.ArrayList;
import java.util.List;
import org.neurosweep.trajectory.ValueType;

/** Sweeps laid side by side as columns; subclasses say which point of each part a point reads. */
abstract class CombinedSweep extends Sweep {
    final List<Sweep> parts;
    private final int[] partOfColumn;
    private final int[] columnInPart;

    CombinedSweep(List<Sweep> parts, long size) {
        super(concatNames(parts), concatTypes(parts), size);
        this.parts = parts;
        int columns = names().size();
        partOfColumn = new int[columns];
        columnInPart = new int[columns];
        int c = 0;
        for (int p = 0; p < parts.size(); p++) {
            for (int k = 0; k < parts.get(p).names().size(); k++, c++) {
                partOfColumn[c] = p;
                columnInPart[c] = k;
            }
        }
    }

    /** The point of part {@code part} that point {@code point} of this sweep reads. */
    abstract long pointInPart(long point, int part);

    @Override
    final Object valueAt(long point, int column) {
        int part = partOfColumn[column];
        return parts.get(part).valueAt(pointInPart(point, part), columnInPart[column]);
    }

    private static List<String> concatNames(List<Sweep> parts) {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.names()));
        return out;
    }

    private static List<ValueType> concatTypes(List<Sweep> parts) {
        List<ValueType> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.types()));
        return out;
    }
}
