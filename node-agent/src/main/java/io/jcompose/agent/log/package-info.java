/** Reading container logs in conmon's k8s-file format: tail, stream filter, follow. */
package io.jcompose.agent.log;
