/** Phase "monitor": starting a container under conmon and noticing its recorded exits. */
package io.jcompose.agent.monitor;
