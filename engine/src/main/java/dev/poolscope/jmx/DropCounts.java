package dev.poolscope.jmx;

import java.util.Map;

import dev.poolscope.engine.DropReason;

/**
 * Requests dropped without running, by reason, as JMX clients read them (an open-type composite).
 *
 * @param queueFull    refused because the queue was full (DROP_NEWEST)
 * @param evicted      pushed out of a full queue by a newer request (DROP_OLDEST)
 * @param blockTimeout waited the block timeout for room in vain (BLOCK)
 * @param shuttingDown submitted after shutdown began
 * @param total        dropped for any reason
 */
public record DropCounts(long queueFull, long evicted, long blockTimeout, long shuttingDown, long total) {

    static DropCounts of(Map<DropReason, Long> byReason) {
        long full = byReason.getOrDefault(DropReason.QUEUE_FULL, 0L);
        long evicted = byReason.getOrDefault(DropReason.EVICTED, 0L);
        long blocked = byReason.getOrDefault(DropReason.BLOCK_TIMEOUT, 0L);
        long shutting = byReason.getOrDefault(DropReason.SHUTTING_DOWN, 0L);
        return new DropCounts(full, evicted, blocked, shutting, full + evicted + blocked + shutting);
    }
}
