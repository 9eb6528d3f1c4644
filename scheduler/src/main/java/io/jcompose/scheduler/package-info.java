/**
 * From a typed {@code Project} to running containers: {@code graph} (who waits for whom), {@code plan} (the pure
 * planner: desired × observed → actions with reasons), {@code translate} (service → the agent's container spec),
 * {@code node} (the {@code Node} contract the executor drives, and its agent adapter) and {@code execute} (one
 * task per service, each started when its own dependencies meet their conditions). See docs/scheduler.md.
 */
package io.jcompose.scheduler;
