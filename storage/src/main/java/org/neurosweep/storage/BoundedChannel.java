package org.neurosweep.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file channel that refuses a read or mapping far past the end of the file, for jHDF. A damaged
 * length or address (a global heap whose size field lost a bit, say) otherwise makes jHDF read hundreds of
 * megabytes that are not there, again for every value that refers to it: seconds to minutes per command
 * instead of an error. Refused, it is a clean "damaged" error at the first such read.
 */
final class BoundedChannel extends FileChannel {
    /**
     * How far past the end a read may reach: jHDF reads some structures in blocks of their allocated size,
     * which for the last one in a file can end after the file does (the read returns what there is).
     */
    private static final long SLACK = 1 << 20;
    private final FileChannel file;
    private final long size;

    private BoundedChannel(FileChannel file) throws IOException {
        this.file = file;
        this.size = file.size();
    }

    static BoundedChannel open(Path path) throws IOException {
        return new BoundedChannel(FileChannel.open(path, StandardOpenOption.READ));
    }

    private void requireWithin(long position, long length) throws IOException {
        if (position < 0 || length < 0 || position > size || position + length > size + SLACK) {
            throw new IOException(String.format("a damaged address or length: %,d bytes at %,d, in a file of %,d bytes",
                    length, position, size));
        }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        requireWithin(position, dst.remaining());
        return file.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long length) throws IOException {
        requireWithin(position, length);
        return file.map(mode, position, length);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        requireWithin(file.position(), dst.remaining());
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += dsts[i].remaining();
        }
        requireWithin(file.position(), total);
        return file.read(dsts, offset, length);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        requireWithin(position, count);
        return file.transferTo(position, count, target);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing written
    }

    @Override
    public FileLock lock(long position, long length, boolean shared) throws IOException {
        return file.lock(position, length, shared);
    }

    @Override
    public FileLock tryLock(long position, long length, boolean shared) throws IOException {
        return file.tryLock(position, length, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
