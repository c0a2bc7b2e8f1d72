/**
 * The hvsim command line (picocli): run, validate, explain, compare, capacity (reserved), bench,
 * list-profiles, completion. Exit codes 0 ok, 1 internal error, 2 bad input. Data goes to stdout only
 * when asked for (--format, explain, compare, validate's verdict); progress and messages go to stderr.
 */
package org.hvsim.cli;
