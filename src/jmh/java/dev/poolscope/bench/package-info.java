/** JMH benchmarks: the dispatcher against {@code ThreadPoolExecutor}, run with {@code ./mvnw -Pbench verify}. */
package dev.poolscope.bench;
