/** The OCI runtime: which one works on this host and why ({@code RuntimeDetector}), and its command line ({@code OciRuntime}). */
package io.jcompose.agent.runtime;
