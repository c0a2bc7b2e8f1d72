/**
 * VM templates from measured counters ({@code hvsim profile-vm}): readers for the CSV files monitoring
 * tools export (Windows Performance Monitor / relog PDH-CSV, esxtop batch mode, sar through
 * {@code sadf -d}), each turning its file into a {@link org.hvsim.scenario.counters.CounterSeries} of
 * measured rates per interval, and {@link org.hvsim.scenario.counters.MeasuredWorkload}, which derives
 * a workload reproducing those rates and writes it as a scenario fragment for {@code include}
 * (docs/profile-vm.md). Problems in a file are reported at its line and column.
 */
package org.hvsim.scenario.counters;
