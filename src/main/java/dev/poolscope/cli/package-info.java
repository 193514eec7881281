/** The command line: flags, the headless runner that writes CSV and a summary, and the entry point that opens the window otherwise. */
package dev.poolscope.cli;
