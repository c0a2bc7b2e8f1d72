/** The hvsim command line (picocli): run, validate, bench, list-profiles. Exit codes 0 ok, 1 internal error, 2 bad input. */
package org.hvsim.cli;
