package org.hvsim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hvsim.scenario.load.ScenarioException;
import org.hvsim.scenario.schema.ReadTrace;

/** Opens the loader's key trace to tests in other packages. */
public final class ScenarioLoaderAccess {
    private ScenarioLoaderAccess() {
    }

    public static ReadTrace trace(Path file) throws IOException, ScenarioException {
        return ScenarioLoader.trace(file.toString(), Files.readString(file));
    }
}
