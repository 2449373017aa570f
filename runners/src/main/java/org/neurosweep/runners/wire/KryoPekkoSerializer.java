package org.neurosweep.runners.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.Pool;
import java.util.List;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.JSerializer;

/**
 * Pekko's serializer for {@link ClusterMessage}s: Kryo with the one {@link KryoRegistry} of the pipe
 * transport, registration required. Pekko calls it from several threads; Kryo instances are not
 * thread-safe, so they come from a pool.
 */
public final class KryoPekkoSerializer extends JSerializer {
    /** Pekko's id of this serializer; must be the same in every node and not clash with Pekko's own (0-40). */
    public static final int ID = 7_160_311;

    private final Pool<Kryo> pool = new Pool<>(true, false, 16) {
        @Override
        protected Kryo create() {
            return new KryoRegistry(List.of()).newKryo();
        }
    };

    /** Pekko creates serializers with this constructor. */
    public KryoPekkoSerializer(ExtendedActorSystem system) {
    }

    @Override
    public int identifier() {
        return ID;
    }

    @Override
    public boolean includeManifest() {
        return false;
    }

    @Override
    public byte[] toBinary(Object o) {
        if (!(o instanceof ClusterMessage m)) {
            throw new IllegalArgumentException("the Kryo cluster serializer only serializes ClusterMessages, not "
                    + o.getClass().getName());
        }
        Kryo kryo = pool.obtain();
        try {
            return KryoRegistry.encode(kryo, m);
        } finally {
            pool.free(kryo);
        }
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        Kryo kryo = pool.obtain();
        try {
            return KryoRegistry.decodeCluster(kryo, bytes);
        } finally {
            pool.free(kryo);
        }
    }
}
