/** Container events and their fan-out to API streams. */
package io.jcompose.agent.event;
