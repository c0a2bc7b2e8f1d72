/**
 * The scenario format as data: every key declared once ({@link org.hvsim.scenario.schema.ScenarioSchema},
 * built from {@link org.hvsim.scenario.schema.Section}s and {@link org.hvsim.scenario.schema.Key}s), read
 * by the loader only through {@link org.hvsim.scenario.schema.SectionReader}, and written out as the
 * key reference of docs/scenario-format.md and as docs/scenario.schema.json
 * ({@link org.hvsim.scenario.schema.SchemaWriter}). A test fails when the committed files differ from
 * what the definitions produce, or when a defined key is never read.
 */
package org.hvsim.scenario.schema;
