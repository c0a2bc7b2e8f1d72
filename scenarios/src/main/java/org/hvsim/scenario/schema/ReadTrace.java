package org.hvsim.scenario.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a reading of a scenario file used: where each value came from (for {@code hvsim explain}) and
 * which key definitions were read (so a test can show that every documented key is read).
 */
public final class ReadTrace {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Set<Key> keysRead = new LinkedHashSet<>();

    void read(Key key) {
        keysRead.add(key);
    }

    /** Records where the value at {@code path} ("vms[0].count") came from. */
    public void source(String path, String source) {
        sources.put(path, source);
    }

    /** Value path → "file.yaml:12:5", "default: reason", "profile hosted: R1.a …". */
    public Map<String, String> sources() {
        return Collections.unmodifiableMap(sources);
    }

    public Set<Key> keysRead() {
        return Collections.unmodifiableSet(keysRead);
    }
}
