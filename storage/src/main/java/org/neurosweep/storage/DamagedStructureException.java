package org.neurosweep.storage;

import io.jhdf.exceptions.HdfException;

/**
 * A part of the file that jHDF read without complaint, but not as it was written: found by the checks of
 * what HDF5 stores without a checksum ({@link LinkNameCheck}, {@link GlobalHeapCheck}). An
 * {@link HdfException}, so that each reader that reports jHDF's failures to read a part of the file (in
 * place, or as the one-line error of an unreadable file) reports this one too.
 */
final class DamagedStructureException extends HdfException {
    private static final long serialVersionUID = 1L;

    DamagedStructureException(String message) {
        super(message);
    }
}
