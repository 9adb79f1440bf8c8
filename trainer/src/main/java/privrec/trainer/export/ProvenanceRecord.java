package privrec.trainer.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

import privrec.core.Json;

/**
 * {@code provenance.json}: the full training record kept beside the model but never shipped to browsers. Its
 * SHA-256 goes into the manifest and the ONNX metadata, so it must be reproducible: Tribuo's provenance is included
 * except for the fields that describe the machine or the wall clock ({@link #MACHINE_FIELDS}); those are listed
 * under "stripped" so a reader knows they were removed, not forgotten. Data paths never enter it (the data set
 * description names the data, not where it lay).
 */
public final class ProvenanceRecord {
    /** Tribuo provenance keys that vary by machine or run time. */
    public static final Set<String> MACHINE_FIELDS = Set.of("trained-at", "java-version", "os-name", "os-arch", "host",
            "host-name", "user-name", "file-modified-time", "resource-hash", "path", "file");

    private ProvenanceRecord() {
    }

    public static String toJson(Map<String, Object> training, ObjectProvenance tribuo) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("record", "privrec training provenance (not shipped to browsers)");
        root.putAll(training);
        root.put("tribuoProvenance", convert(tribuo));
        root.put("stripped", new ArrayList<Object>(new java.util.TreeSet<>(MACHINE_FIELDS)));
        return Json.write(root) + "\n";
    }

    /** Provenance tree → JSON-ready maps/lists/strings, machine fields dropped, keys sorted. */
    static Object convert(Provenance provenance) {
        if (provenance instanceof ObjectProvenance object) {
            Map<String, Object> map = new TreeMap<>();
            for (Pair<String, Provenance> entry : object) {
                if (!MACHINE_FIELDS.contains(entry.getA())) {
                    map.put(entry.getA(), convert(entry.getB()));
                }
            }
            return map;
        }
        if (provenance instanceof MapProvenance<?> mapProvenance) {
            Map<String, Object> map = new TreeMap<>();
            for (Pair<String, ? extends Provenance> entry : mapProvenance) {
                if (!MACHINE_FIELDS.contains(entry.getA())) {
                    map.put(entry.getA(), convert(entry.getB()));
                }
            }
            return map;
        }
        if (provenance instanceof ListProvenance<?> list) {
            List<Object> out = new ArrayList<>();
            for (Provenance element : list) {
                out.add(convert(element));
            }
            return out;
        }
        if (provenance instanceof PrimitiveProvenance<?> primitive) {
            return String.valueOf(primitive.getValue());
        }
        return String.valueOf(provenance);
    }
}
