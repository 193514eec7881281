/** Pools in other JVMs, found and read over JMX: targets, connections, and one mapping per kind of pool. */
package dev.poolscope.remote;
