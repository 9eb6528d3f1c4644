/** C library calls the JDK lacks (geteuid, kill, mkfifo), through FFM; loaded only by the daemon. */
package io.jcompose.agent.syscall;
