package org.neurosweep.storage;

import io.jhdf.AbstractNode;
import io.jhdf.Constants;
import io.jhdf.FractalHeap;
import io.jhdf.HdfFile;
import io.jhdf.ObjectHeader;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.btree.BTreeV2;
import io.jhdf.btree.record.LinkNameForIndexedGroupRecord;
import io.jhdf.checksum.JenkinsLookup3HashLittle;
import io.jhdf.object.message.LinkInfoMessage;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A group's children, once the names of its links are known to be the ones that were written.
 *
 * <p>A group with many links (a run_set bucket past 8 runs, say) keeps them "dense": each link (name and
 * address) is an object in a fractal heap, whose blocks HDF5 writes without a checksum, and the group's
 * name index, a version-2 B-tree, holds the Jenkins lookup3 hash of every name. jHDF takes the names from
 * the heap and never looks at the hashes, so a damaged byte in a heap block silently lists another name:
 * a garbled one, or the name of another run, whose values were then shown as that run's (and the run
 * whose name it took vanished). Here every name read from the heap must hash to its index record, and the
 * names must be distinct; otherwise the group is damaged. Groups that keep their links in their object
 * header (checksummed, and checked by jHDF) have nothing to check.
 */
final class LinkNameCheck {
    /** Groups already checked (by identity: jHDF hands out one instance per group and reader). */
    private static final Set<Group> CHECKED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private LinkNameCheck() {
    }

    /**
     * The group's children, by name.
     *
     * @throws DamagedStructureException if a name read does not match the group's name index
     */
    static Map<String, Node> children(Group g) {
        Map<String, Node> children = g.getChildren();
        if (!CHECKED.contains(g)) {
            check(g, children);
            CHECKED.add(g);
        }
        return children;
    }

    private static void check(Group g, Map<String, Node> children) {
        HdfBackingStorage storage;
        ObjectHeader header;
        if (g instanceof HdfFile file) {
            storage = file.getHdfBackingStorage();
            header = ObjectHeader.readObjectHeader(storage, file.getAddress());
        } else if (g instanceof AbstractNode node) {
            storage = node.getHdfFile().getHdfBackingStorage();
            header = node.getHeader();
        } else {
            return; // not read from a file
        }
        if (!header.hasMessageOfType(LinkInfoMessage.class)) {
            return; // an old-style group (symbol table): our files have none
        }
        LinkInfoMessage info = header.getMessageOfType(LinkInfoMessage.class);
        if (info.getBTreeNameIndexAddress() == Constants.UNDEFINED_ADDRESS) {
            return; // compact: the links are messages of the object header
        }
        List<LinkNameForIndexedGroupRecord> index = new BTreeV2<LinkNameForIndexedGroupRecord>(storage,
                info.getBTreeNameIndexAddress()).getRecords();
        FractalHeap heap = new FractalHeap(storage, info.getFractalHeapAddress());
        Set<String> names = new HashSet<>();
        for (LinkNameForIndexedGroupRecord record : index) {
            String name = LinkMessage.fromBuffer(heap.getId(record.getId()), storage.getSuperblock()).getLinkName();
            long hash = Integer.toUnsignedLong(JenkinsLookup3HashLittle.hash(name.getBytes(StandardCharsets.UTF_8)));
            if (hash != record.getHash()) {
                throw new DamagedStructureException(where(g) + " is damaged: the name of one of its " + index.size()
                        + " links does not match the group's name index");
            }
            if (!names.add(name)) {
                throw new DamagedStructureException(where(g) + " is damaged: two of its links have the same name");
            }
        }
        if (!names.equals(children.keySet())) {
            throw new DamagedStructureException(where(g) + " is damaged: its " + children.size() + " links read differ from the "
                    + names.size() + " of its name index");
        }
    }

    private static String where(Group g) {
        String p = g.getPath().replaceAll("/+$", "");
        return p.isEmpty() ? "the file's root group" : "group " + p;
    }
}
