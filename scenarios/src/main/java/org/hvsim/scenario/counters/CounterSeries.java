package org.hvsim.scenario.counters;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a counter file measured: the server (or VM) it describes, its samples in time order, and the
 * processor count and memory when the file gives them.
 *
 * @param file     the file, as messages name it
 * @param format   the tool that wrote it (perfmon, esxtop, sar)
 * @param name     the server's or VM's name in the file
 * @param samples  in time order, at least one
 * @param vcpus    processors, when the file shows them
 * @param memory   bytes of RAM, when the file shows them
 * @param notes    what the reader chose or assumed (which instances it summed, say), for the template's header
 */
public record CounterSeries(String file, String format, String name, List<Sample> samples, OptionalInt vcpus,
        OptionalDouble memory, List<String> notes) {

    public CounterSeries {
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }
}
